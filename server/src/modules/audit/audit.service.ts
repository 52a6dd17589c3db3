import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '../../validation.js';
import { requireRole } from '../access/access.js';
import { actorId, actorName, type RequestCtx } from '../../context.js';
import { isUuid } from '../providers/provider.service.js';
import { AuditRecord } from './audit-record.entity.js';
import { GENESIS_HASH, canonicalJson, chainHash, sha256 } from './audit-chain.js';

export interface AuditEntry {
  /** e.g. 'complaint.decide', 'calendar.setDay', 'user.create', 'consent.read'. */
  action: string;
  entityType: string;
  entityId: string;
  change: Record<string, unknown>;
}

export interface AuditFilter {
  entityType?: string | null;
  entityId?: string | null;
  actorId?: string | null;
  action?: string | null;
  /** Asia/Almaty dates, inclusive. */
  from?: string | null;
  to?: string | null;
}

export interface AuditVerification {
  valid: boolean;
  checked: number;
  /** The first record whose digest or hash does not match what it should be. */
  firstInvalidId: string | null;
}

// A transaction-scoped advisory lock makes concurrent writers append one after another, so each
// record links to the one committed before it and the chain never forks.
const AUDIT_CHAIN_LOCK = 7_201_611;

export class AuditService {
  /**
   * Appends one record to the chain, in the caller's transaction (`em` must be transactional).
   * Call it last in a write: the chain lock is held until the transaction ends.
   */
  async record(em: EntityManager, ctx: RequestCtx, entry: AuditEntry): Promise<AuditRecord> {
    await em.execute('select pg_advisory_xact_lock(?)', [AUDIT_CHAIN_LOCK]);
    const [last] = await em.execute<{ hash: string }[]>(
      'select hash from audit_record order by id desc limit 1',
    );
    const record = em.create(AuditRecord, {
      at: ctx.now,
      actorId: actorId(ctx.actor),
      actor: actorName(ctx.actor),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      change: entry.change,
      digest: sha256(canonicalJson(entry.change)),
      previousHash: last?.hash ?? GENESIS_HASH,
      hash: '',
    });
    record.hash = chainHash(record.previousHash, record);
    em.persist(record);
    await em.flush();
    return record;
  }

  /** SUPERVISOR: the trail, newest first, keyset-paged on id. */
  async list(
    ctx: RequestCtx,
    filter: AuditFilter,
    first: number,
    after: string | null | undefined,
  ): Promise<{ records: AuditRecord[]; hasNextPage: boolean; countTotal(): Promise<number> }> {
    requireRole(ctx, 'SUPERVISOR');
    if (!Number.isInteger(first) || first < 0 || first > 200) {
      throw badInput(ctx.language, 'first', 'outOfRange', { min: 0, max: 200 });
    }
    if (after && !/^\d{1,18}$/.test(after)) throw badInput(ctx.language, 'after', 'unknownValue');
    const where: FilterQuery<AuditRecord> = {};
    if (filter.entityId) where.entityId = filter.entityId;
    if (filter.entityType) where.entityType = filter.entityType;
    if (filter.actorId) {
      // A user id is a UUID: anything else matches no one and must not reach the uuid column.
      if (!isUuid(filter.actorId)) throw badInput(ctx.language, 'filter.actorId', 'unknownValue');
      where.actorId = filter.actorId;
    }
    if (filter.action) where.action = filter.action;
    if (filter.from || filter.to) {
      where.at = {
        ...(filter.from ? { $gte: new Date(`${filter.from}T00:00:00+05:00`) } : {}),
        ...(filter.to
          ? { $lt: new Date(Date.parse(`${filter.to}T00:00:00+05:00`) + 86_400_000) }
          : {}),
      };
    }
    const page = await ctx.em.find(
      AuditRecord,
      after ? { $and: [where, { id: { $lt: after } }] } : where,
      { orderBy: { id: 'desc' }, limit: first + 1 },
    );
    return {
      records: page.slice(0, first),
      hasNextPage: page.length > first,
      countTotal: () => ctx.em.count(AuditRecord, where),
    };
  }

  /** SUPERVISOR: recomputes the chain and names the first record that does not match. */
  async verifyChain(ctx: RequestCtx): Promise<AuditVerification> {
    requireRole(ctx, 'SUPERVISOR');
    return this.verify(ctx.em);
  }

  /** Recomputes the whole chain in id order; reads in pages so memory stays flat. */
  async verify(em: EntityManager): Promise<AuditVerification> {
    let previousHash = GENESIS_HASH;
    let checked = 0;
    let afterId = '0';
    const pageSize = 1000;
    for (;;) {
      const rows = await em.execute<
        {
          id: string;
          at: Date;
          actor_id: string | null;
          actor: string;
          action: string;
          entity_type: string;
          entity_id: string;
          change: Record<string, unknown>;
          digest: string;
          previous_hash: string;
          hash: string;
        }[]
      >(
        `select id::text as id, at, actor_id, actor, action, entity_type, entity_id, change,
                digest, previous_hash, hash
           from audit_record where audit_record.id > ? order by audit_record.id limit ?`,
        [afterId, pageSize],
      );
      for (const row of rows) {
        const digest = sha256(canonicalJson(row.change));
        const expected = chainHash(previousHash, {
          at: new Date(row.at),
          actorId: row.actor_id,
          actor: row.actor,
          action: row.action,
          entityType: row.entity_type,
          entityId: row.entity_id,
          digest,
        });
        if (digest !== row.digest || row.previous_hash !== previousHash || row.hash !== expected) {
          return { valid: false, checked: checked + 1, firstInvalidId: row.id };
        }
        previousHash = row.hash;
        checked += 1;
      }
      if (rows.length < pageSize) return { valid: true, checked, firstInvalidId: null };
      afterId = rows[rows.length - 1]!.id;
    }
  }
}
