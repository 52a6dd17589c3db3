import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../../graphql/request-context.js';
import { RecipientType } from '../complaints/index.js';
import { ConsentInputType, ConsentType } from './consent.types.js';
import type { Consent } from './consent.entity.js';
import type { ConsentService, ProtectedRecipientField } from './consent.service.js';

@Resolver(() => ConsentType)
export class ConsentResolver {
  constructor(private readonly consents: ConsentService) {}

  @Mutation(() => ConsentType, {
    description:
      "O8: records the recipient's written consent, with its evidence, on a complaint the caller may act on (its reviewer; the portal for the recipient whose complaint it filed or whose receipt it presents). The recipient is notified. Audited.",
  })
  recordConsent(
    @Arg('complaintId', () => ID, { description: 'The complaint.' }) complaintId: string,
    @Arg('input', () => ConsentInputType, { description: 'The consent.' }) input: ConsentInputType,
    @Ctx() ctx: ApiContext,
    @Arg('trackingCode', () => String, {
      nullable: true,
      description:
        "PARTNER: the tracking code of the complaint's receipt, when the portal did not file it.",
    })
    trackingCode?: string | null,
  ): Promise<Consent> {
    return this.consents.record(ctx, complaintId, input, trackingCode ?? null);
  }

  @Mutation(() => ConsentType, {
    description: 'O8: revokes a consent: protected data is closed again. Audited.',
  })
  revokeConsent(
    @Arg('id', () => ID, { description: 'The consent.' }) id: string,
    @Ctx() ctx: ApiContext,
  ): Promise<Consent> {
    return this.consents.revoke(ctx, id);
  }
}

/**
 * The recipient a protected field is read on: a type only, so that the decorator metadata names no
 * class of the complaints module (whose door imports this module's types: a cycle at load time).
 */
type RecipientRoot = Pick<RecipientType, 'complaint'>;

/** O8: the protected fields of a recipient: each needs an active written consent, and is audited. */
@Resolver(() => RecipientType)
export class RecipientResolver {
  private read(
    recipient: RecipientRoot,
    field: ProtectedRecipientField,
    ctx: ApiContext,
  ): Promise<string | null> {
    return ctx.loaders.protectedRead.load({ complaint: recipient.complaint, field }) as Promise<
      string | null
    >;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Protected (O8): the IIN; needs an active consent.',
  })
  iin(@Root() recipient: RecipientRoot, @Ctx() ctx: ApiContext): Promise<string | null> {
    return this.read(recipient, 'iin', ctx);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Protected (O8): the BIN; needs an active consent.',
  })
  bin(@Root() recipient: RecipientRoot, @Ctx() ctx: ApiContext): Promise<string | null> {
    return this.read(recipient, 'bin', ctx);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Protected (O8): the email; needs an active consent.',
  })
  email(@Root() recipient: RecipientRoot, @Ctx() ctx: ApiContext): Promise<string | null> {
    return this.read(recipient, 'email', ctx);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'Protected (O8): the phone; needs an active consent.',
  })
  phone(@Root() recipient: RecipientRoot, @Ctx() ctx: ApiContext): Promise<string | null> {
    return this.read(recipient, 'phone', ctx);
  }
}
