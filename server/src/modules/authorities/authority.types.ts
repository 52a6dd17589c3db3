import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Authority', {
  description: 'A territorial department of the quality-control authority (C6): one per region.',
})
@Directive('@key(fields: "id")')
export class AuthorityType {
  @Field(() => ID, { description: 'The department.' })
  id!: string;

  @Field({ description: 'Name in Kazakh.' })
  nameKk!: string;

  @Field({ description: 'Name in Russian.' })
  nameRu!: string;

  @Field({ description: 'The region whose providers it controls.' })
  region!: string;

  @Field({ description: 'Its postal address.' })
  postalAddress!: string;
}
