import DataLoader from 'dataloader';
import type { WorkingCalendar } from '@complaints/calendar';
import type { RequestCtx } from '../context.js';
import {
  historyOf,
  type ComplaintView,
  type ComplaintEventView,
} from '../modules/complaints/index.js';
import type { ProtectedRecipientField, ConsentView } from '../modules/consent/index.js';
import type { ProviderView } from '../modules/providers/index.js';
import type { AuthorityView } from '../modules/authorities/index.js';
import type { NoticeView } from '../modules/notifications/index.js';
import type { UserView } from '../modules/users/index.js';
import type { Services } from '../services.js';

function byKey<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => map.get(key) ?? null);
}

function groupedBy<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>();
  for (const row of rows) {
    const list = map.get(keyOf(row)) ?? [];
    list.push(row);
    map.set(keyOf(row), list);
  }
  return keys.map((key) => map.get(key) ?? []);
}

/** One set per request: batches the N+1 of every nested field into one query each. */
export function createLoaders(ctx: RequestCtx, services: Services) {
  let calendar: Promise<WorkingCalendar> | null = null;
  const consents = new DataLoader<string, ConsentView[]>((ids) =>
    services.consents
      .listForComplaints(ctx.em, ids)
      .then((rows) =>
        groupedBy<string, ConsentView & { complaint: { id: string } }>(
          ids,
          rows,
          (r) => r.complaint.id,
        ),
      ),
  );
  return {
    provider: new DataLoader<string, ProviderView | null>((ids) =>
      services.providers
        .findByIds(ctx.em, ids)
        .then((rows) => byKey<string, ProviderView>(ids, rows, (r) => r.id)),
    ),
    authority: new DataLoader<string, AuthorityView | null>((ids) =>
      services.authorities
        .findByIds(ctx.em, ids)
        .then((rows) => byKey<string, AuthorityView>(ids, rows, (r) => r.id)),
    ),
    publicService: new DataLoader((codes: readonly string[]) =>
      services.publicServices
        .findByCodes(ctx.em, codes)
        .then((rows) => byKey(codes, rows, (r) => r.code)),
    ),
    user: new DataLoader<string, UserView | null>((ids) =>
      services.users
        .findByIds(ctx.em, ids)
        .then((rows) => byKey<string, UserView>(ids, rows, (r) => r.id)),
    ),
    /** Only the complaints the actor may read: the same scope as every other path. */
    complaint: new DataLoader<string, ComplaintView | null>((ids) =>
      services.complaintQueries
        .findReadableByIds(ctx, ids)
        .then((rows) => byKey<string, ComplaintView>(ids, rows, (r) => r.id)),
    ),
    escalation: new DataLoader<string, ComplaintView | null>((parentIds) =>
      services.complaintQueries
        .findReadableEscalations(ctx, parentIds)
        .then((rows) => byKey<string, ComplaintView>(parentIds, rows, (r) => r.parent?.id ?? '')),
    ),
    history: new DataLoader<string, ComplaintEventView[]>((ids) =>
      historyOf(ctx.em, ids).then((rows) =>
        groupedBy<string, ComplaintEventView & { complaint: { id: string } }>(
          ids,
          rows,
          (r) => r.complaint.id,
        ),
      ),
    ),
    notices: new DataLoader<string, NoticeView[]>((ids) =>
      services.notifications
        .listForComplaints(ctx.em, ids)
        .then((rows) =>
          groupedBy<string, NoticeView & { complaint: { id: string } }>(
            ids,
            rows,
            (r) => r.complaint.id,
          ),
        ),
    ),
    consents,
    protectedRead: new DataLoader(
      (reads: readonly { complaint: ComplaintView; field: ProtectedRecipientField }[]) =>
        services.consents.readProtected(ctx, reads, (ids) => consents.loadMany(ids)),
      { cacheKeyFn: (read) => `${read.complaint.id}:${read.field}` },
    ),
    /** The working calendar with its overrides: read once per request. */
    calendar(): Promise<WorkingCalendar> {
      calendar ??= services.calendars.calendar(ctx.em);
      return calendar;
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
