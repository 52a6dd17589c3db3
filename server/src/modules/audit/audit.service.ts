import { ADMINISTRATOR_ROLES } from '@complaints/domain';
import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { addDays } from '@complaints/calendar';
import { badInput, isUuid } from '../../validation.js';
import { requireRole } from '../access/index.js';
import { actorId, actorName, type RequestCtx } from '../../context.js';
import { almatyDayStart } from '../calendar/index.js';
import { type Sql, runStatement, sql, trustedSql } from '../../db/statement.js';
import { AuditRecord, type AuditAction } from './audit-record.entity.js';
import {
  GENESIS_HASH,
  canonicalJson,
  chainHash,
  chainedFieldsText,
  sha256,
} from './audit-chain.js';

export interface AuditEntry {
  action: AuditAction;
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

/** What an append returns: the record's place in the chain. */
export interface AppendedRecord {
  id: string;
  previousHash: string;
  hash: string;
}

export class AuditService {
  /**
   * Appends one record to the chain, in the caller's transaction (`em` must be transactional),
   * as one statement (see `chainAppendSql`). The caller's pending changes are flushed first, so
   * the chain is the last thing its transaction takes: the head's row lock is held from this
   * statement to the commit, and every writer of the system waits on it.
   */
  async record(em: EntityManager, ctx: RequestCtx, entry: AuditEntry): Promise<AppendedRecord> {
    await em.flush();
    const [appended] = await runStatement<AppendedRecord>(
      em,
      sql`with ${chainAppendSql(ctx, entry, sql`${canonicalJson(entry.change)}::text`)}
          select id::text as "id", previous_hash as "previousHash", hash as "hash" from audit`,
    );
    if (!appended) throw new Error('the audit chain took no record');
    return appended;
  }

  /** SUPERVISOR: the trail, newest first, keyset-paged on id. */
  async list(
    ctx: RequestCtx,
    filter: AuditFilter,
    first: number,
    after: string | null | undefined,
  ): Promise<{ records: AuditRecord[]; hasNextPage: boolean; countTotal(): Promise<number> }> {
    requireRole(ctx, ...ADMINISTRATOR_ROLES);
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
        ...(filter.from ? { $gte: almatyDayStart(filter.from) } : {}),
        ...(filter.to ? { $lt: almatyDayStart(addDays(filter.to, 1)) } : {}),
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
    requireRole(ctx, ...ADMINISTRATOR_ROLES);
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

/**
 * The append of one record to the chain, as common table expressions for one statement; the last
 * one, `audit`, returns the record's id, previous hash and hash. `change` is SQL giving the
 * canonical JSON text of the change (a filing completes it with its incoming number in SQL).
 *
 * The head row (`audit_chain_head`) is upserted: its row lock puts concurrent writers one after
 * another until each commits, and in READ COMMITTED the upsert updates the newest committed head,
 * even one committed after this statement began. (Locking with `pg_advisory_xact_lock` and then
 * reading the last record in the same statement would not: that read sees the statement's
 * snapshot, taken before the wait, and the chain would fork.) The digest and the hash are the
 * ones `chainHash` recomputes: SHA-256 of the canonical JSON, then of the previous hash and
 * `chainedFieldsText` one a line.
 */
export function chainAppendSql(
  ctx: RequestCtx,
  entry: Omit<AuditEntry, 'change'>,
  change: Sql,
): Sql {
  const fields = {
    at: ctx.now,
    actorId: actorId(ctx.actor),
    actor: actorName(ctx.actor),
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
  };
  const hashOf = (previous: Sql) =>
    sql`encode(sha256(convert_to(${previous} || (select tail from audit_digest), 'UTF8')), 'hex')`;
  return sql`audit_change as (select ${change} as change),
    audit_digest as (
      select change, digest, ${`\n${chainedFieldsText(fields)}\n`}::text || digest as tail
      from (select change, encode(sha256(convert_to(change, 'UTF8')), 'hex') as digest
            from audit_change) d
    ),
    audit_head as (
      insert into audit_chain_head as head (id, previous_hash, hash)
      values (1, ${GENESIS_HASH}::text, ${hashOf(sql`${GENESIS_HASH}::text`)})
      on conflict (id) do update
        set previous_hash = head.hash, hash = ${hashOf(trustedSql('head.hash'))}
      returning previous_hash, hash
    ),
    audit as (
      insert into audit_record
        (at, actor_id, actor, action, entity_type, entity_id, change, digest, previous_hash, hash)
      select ${fields.at.toISOString()}::timestamptz, ${fields.actorId}::uuid, ${fields.actor}::text,
        ${fields.action}::text, ${fields.entityType}::text, ${fields.entityId}::text,
        d.change::jsonb, d.digest, h.previous_hash, h.hash
      from audit_head h, audit_digest d
      returning id, previous_hash, hash
    )`;
}
