import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Role } from '@complaints/domain';
import '../../graphql/enums.js';

@ObjectType('User', { description: 'A person or partner system that works with complaints.' })
export class UserType {
  @Field(() => ID, { description: 'The user.' })
  id!: string;

  @Field({ description: 'The login email.' })
  email!: string;

  @Field({ description: 'The name shown in stamps and history.' })
  displayName!: string;

  @Field(() => Role, { description: 'What the user may do.' })
  role!: Role;

  @Field({ description: 'False once deactivated: cannot log in, tokens stop working.' })
  active!: boolean;
}

@ObjectType('AuthPayload', { description: 'A successful login.' })
export class AuthPayloadType {
  @Field({ description: 'The bearer token for `Authorization: Bearer …`; expires after 8 hours.' })
  token!: string;

  @Field(() => Role, { description: 'The role of the logged-in user.' })
  role!: Role;

  @Field({ description: 'The name of the logged-in user.' })
  displayName!: string;
}

@InputType('NewUserInput', { description: 'SUPERVISOR: a user to create.' })
export class NewUserInputType {
  @Field({ description: 'The login email.' })
  email!: string;

  @Field({ description: 'The name shown in stamps and history.' })
  displayName!: string;

  @Field(() => Role, { description: 'What the user may do.' })
  role!: Role;

  @Field({ description: 'The initial password (at least 8 characters).' })
  password!: string;

  @Field(() => ID, { nullable: true, description: 'PROVIDER_OFFICER: the provider they work for.' })
  providerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'SUPERVISOR and INSPECTOR: their department.' })
  authorityId?: string | null;
}
