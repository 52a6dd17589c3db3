import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Provider', {
  description: 'A service provider: the state body or organization that renders the service.',
})
@Directive('@key(fields: "id")')
export class ProviderType {
  @Field(() => ID, { description: 'The provider.' })
  id!: string;

  @Field({ description: '12-digit business identification number (BIN), checksum-valid.' })
  bin!: string;

  @Field({ description: 'Name in Kazakh.' })
  nameKk!: string;

  @Field({ description: 'Name in Russian.' })
  nameRu!: string;

  @Field({ description: 'The region it serves.' })
  region!: string;

  @Field({ description: 'Its postal address.' })
  postalAddress!: string;
}
