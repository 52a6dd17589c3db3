import { Arg, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { ApiContext } from '../../graphql/request-context.js';
import { canonicalJson } from './audit-chain.js';
import type { AuditRecord } from './audit-record.entity.js';
import type { AuditService, AuditVerification } from './audit.service.js';
import {
  AuditFilterInput,
  AuditRecordConnectionType,
  AuditRecordType,
  AuditVerificationType,
} from './audit.types.js';

@Resolver(() => AuditRecordType)
export class AuditResolver {
  constructor(private readonly audit: AuditService) {}

  @Query(() => AuditRecordConnectionType, {
    description: 'SUPERVISOR: the audit trail, newest first.',
  })
  async auditLog(
    @Ctx() ctx: ApiContext,
    @Arg('filter', () => AuditFilterInput, { nullable: true, description: 'Narrows the trail.' })
    filter?: AuditFilterInput | null,
    @Arg('first', () => Int, {
      nullable: true,
      defaultValue: 50,
      description: 'How many, 0 to 200.',
    })
    first = 50,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The endCursor of the previous page.',
    })
    after?: string | null,
  ): Promise<AuditRecordConnectionType> {
    const page = await this.audit.list(ctx, filter ?? {}, first, after);
    return {
      records: page.records,
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.records.at(-1)?.id ?? null },
      countTotal: () => page.countTotal(),
    };
  }

  @Query(() => AuditVerificationType, {
    description: 'SUPERVISOR: recomputes the chain and names the first record that does not match.',
  })
  verifyAuditLog(@Ctx() ctx: ApiContext): Promise<AuditVerification> {
    return this.audit.verifyChain(ctx);
  }

  @FieldResolver(() => String, { description: 'The change, as canonical JSON.' })
  changeJson(@Root() record: AuditRecord): string {
    return canonicalJson(record.change);
  }
}

@Resolver(() => AuditRecordConnectionType)
export class AuditRecordConnectionResolver {
  @FieldResolver(() => Int, { description: 'How many records match the filter.' })
  totalCount(@Root() connection: AuditRecordConnectionType): Promise<number> {
    return connection.countTotal();
  }
}
