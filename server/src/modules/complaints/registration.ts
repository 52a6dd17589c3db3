import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { RECIPIENT_FIELDS, recipientColumn } from '@complaints/domain';
import type { RequestCtx } from '../../context.js';
import { type Sql, runStatement, sql, trustedSql } from '../../db/statement.js';
import { canonicalJson, type AuditEntry, chainAppendSql } from '../audit/index.js';
import type { Consent } from '../consent/index.js';
import type { Notice } from '../notifications/index.js';
import type { ComplaintEvent } from './complaint-event.entity.js';
import type { Complaint } from './complaint.entity.js';
import { nextIncomingNumberSql } from './incoming-number.js';

/**
 * C4: a registration is written by one statement, a transaction of its own (or the last
 * statement of the caller's): the office's next count, the complaint, its history, consents and
 * notices, then the audit record. The count is known only inside that statement, so whatever
 * carries the incoming number is built with a placeholder in its place, and the statement puts
 * the count's digits there. The counter row and the chain's head are locked by it until the
 * commit, with no round trip to the server in between.
 */
export interface RegistrationWrite {
  officeCode: string;
  year: number;
  /** From `newCountPlaceholder()`: stands for the count's digits in every row and the audit change. */
  placeholder: string;
  complaint: Complaint;
  events: readonly ComplaintEvent[];
  consents: readonly Consent[];
  notices: readonly Notice[];
  audit: AuditEntry;
}

/**
 * Stands for the office's count until the statement takes it: random, so no text a recipient
 * writes can hold it, and of lower-case hex, so lower-casing (the search text) and JSON leave
 * it as it is.
 */
export function newCountPlaceholder(): string {
  return `n${randomUUID().replaceAll('-', '')}`;
}

/** Writes the registration; returns the count the office gave it. */
export async function writeRegistration(
  em: EntityManager,
  ctx: RequestCtx,
  write: RegistrationWrite,
): Promise<number> {
  const document = {
    complaint: rowOf(COMPLAINT_COLUMNS, write.complaint),
    events: write.events.map((event) => rowOf(EVENT_COLUMNS, event)),
    consents: write.consents.map((consent) => rowOf(CONSENT_COLUMNS, consent)),
    notices: write.notices.map((notice) => rowOf(NOTICE_COLUMNS, notice)),
  };
  const withCount = (text: string) =>
    sql`replace(${text}::text, ${write.placeholder}::text, counter_value.digits)`;
  const [result] = await runStatement<{ last_value: number }>(
    em,
    sql`with ${nextIncomingNumberSql(write.officeCode, write.year)},
      registration as (
        select ${withCount(JSON.stringify(document))}::jsonb as document from counter_value
      ),
      ${insertFromDocument('complaint', COMPLAINT_COLUMNS, 'complaint')},
      ${insertFromDocument('complaint_event', EVENT_COLUMNS, 'events')},
      ${insertFromDocument('consent', CONSENT_COLUMNS, 'consents')},
      ${insertFromDocument('notice', NOTICE_COLUMNS, 'notices')},
      written as (
        select (select count(*) from written_complaint) + (select count(*) from written_complaint_event)
          + (select count(*) from written_consent) + (select count(*) from written_notice) as rows
      ),
      ${chainAppendSql(
        ctx,
        write.audit,
        // Computed once every row is written: the chain's head is the statement's last lock.
        sql`(select ${withCount(canonicalJson(write.audit.change))} from counter_value, written)`,
      )}
    select (select last_value from counter_value) as last_value, (select id from audit) as audit_id`,
  );
  if (!result) throw new Error('a registration statement returned no row');
  return result.last_value;
}

type Columns<T> = Record<string, (entity: T) => unknown>;

function rowOf<T>(columns: Columns<T>, entity: T): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(columns).map(([column, value]) => [column, value(entity)]),
  );
}

/**
 * `written_<table>`: inserts the rows at `key` of the registration's document (one object, or an
 * array of them) into these columns; the others keep their defaults.
 */
function insertFromDocument<T>(table: string, columns: Columns<T>, key: string): Sql {
  const names = Object.keys(columns).map((column) => `"${column}"`);
  const populate = key === 'complaint' ? 'jsonb_populate_record' : 'jsonb_populate_recordset';
  return trustedSql(`written_${table} as (
        insert into "${table}" (${names.join(', ')})
        select ${names.map((name) => `r.${name}`).join(', ')}
        from registration, ${populate}(null::"${table}", document->'${key}') r
        returning 1
      )`);
}

/** What a registration sets; the decision, court referral, assignee and withdrawal come later. */
const COMPLAINT_COLUMNS: Columns<Complaint> = {
  id: (c) => c.id,
  level: (c) => c.level,
  status: (c) => c.status,
  version: (c) => c.version,
  channel: (c) => c.channel,
  subject: (c) => c.subject,
  description: (c) => c.description,
  signature: (c) => c.signature,
  ...Object.fromEntries(
    RECIPIENT_FIELDS.map((field) => [recipientColumn(field), (c: Complaint) => c.recipient[field]]),
  ),
  provider_id: (c) => c.provider.id,
  authority_id: (c) => c.authority?.id ?? null,
  public_service_code: (c) => c.publicServiceCode,
  official: (c) => c.official,
  incoming_number: (c) => c.registration.incomingNumber,
  registered_at: (c) => c.registration.registeredAt,
  registered_on: (c) => c.registration.registeredOn,
  accepted_by: (c) => c.registration.acceptedBy,
  response_deadline: (c) => c.registration.responseDeadline,
  response_place: (c) => c.registration.responsePlace,
  office_code: (c) => c.registration.officeCode,
  parent_id: (c) => c.parent?.id ?? null,
  tracking_code_hash: (c) => c.trackingCodeHash,
  filed_by_id: (c) => c.filedBy?.id ?? null,
  search_text: (c) => c.searchText,
  created_at: (c) => c.createdAt,
  updated_at: (c) => c.updatedAt,
};

const EVENT_COLUMNS: Columns<ComplaintEvent> = {
  complaint_id: (e) => e.complaint.id,
  at: (e) => e.at,
  actor_id: (e) => e.actorId,
  actor: (e) => e.actor,
  action: (e) => e.action,
  from_status: (e) => e.fromStatus,
  to_status: (e) => e.toStatus,
  note: (e) => e.note,
};

const CONSENT_COLUMNS: Columns<Consent> = {
  id: (c) => c.id,
  complaint_id: (c) => c.complaint.id,
  scope: (c) => c.scope,
  signed_by: (c) => c.signedBy,
  method: (c) => c.method,
  signed_on: (c) => c.signedOn,
  evidence: (c) => c.evidence,
  recorded_at: (c) => c.recordedAt,
  recorded_by_id: (c) => c.recordedById,
};

const NOTICE_COLUMNS: Columns<Notice> = {
  id: (n) => n.id,
  complaint_id: (n) => n.complaint.id,
  kind: (n) => n.kind,
  channel: (n) => n.channel,
  addressee: (n) => n.addressee,
  destination: (n) => n.destination,
  accessibility_needs: (n) => n.accessibilityNeeds,
  content: (n) => n.content,
  created_at: (n) => n.createdAt,
  language: (n) => n.language,
  easy_read: (n) => n.easyRead,
  status: (n) => n.status,
  delivered_at: (n) => n.deliveredAt,
  delivered_how: (n) => n.deliveredHow,
};

/** The columns a registration writes, by table (a test holds them to the tables). */
export const REGISTRATION_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  complaint: Object.keys(COMPLAINT_COLUMNS),
  complaint_event: Object.keys(EVENT_COLUMNS),
  consent: Object.keys(CONSENT_COLUMNS),
  notice: Object.keys(NOTICE_COLUMNS),
};
