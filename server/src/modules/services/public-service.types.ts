import { Directive, Field, Int, ObjectType } from 'type-graphql';
import { Channel } from '@complaints/domain';
import '../../graphql/enums.js';

@ObjectType('LocalizedText', { description: 'A text in Kazakh and Russian.' })
export class LocalizedTextType {
  @Field({ description: 'In Kazakh.' })
  kk!: string;

  @Field({ description: 'In Russian.' })
  ru!: string;
}

@ObjectType('PublicService', {
  description: 'R1: an entry of the register of public services, with its standard.',
})
@Directive('@key(fields: "code")')
export class PublicServiceType {
  @Field({ description: 'The code in the register.' })
  code!: string;

  @Field({ description: 'Name in Kazakh.' })
  nameKk!: string;

  @Field({ description: 'Name in Russian.' })
  nameRu!: string;

  @Field({ description: 'Who renders it under the standard.' })
  providerKind!: string;

  @Field(() => Int, { description: 'The standard term of the service, in working days.' })
  standardTermWorkingDays!: number;

  @Field(() => [Channel], { description: 'R4: the forms in which it is rendered.' })
  forms!: Channel[];

  @Field(() => [LocalizedTextType], { description: 'The documents the standard requires.' })
  documentsRequired!: LocalizedTextType[];
}
