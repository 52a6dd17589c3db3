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
import { idLoader, perComplaintLoader, rowLoader } from './batch-loaders.js';

/** One set per request: batches the N+1 of every nested field into one query each. */
export function createLoaders(ctx: RequestCtx, services: Services) {
  let calendar: Promise<WorkingCalendar> | null = null;
  const consents = perComplaintLoader<ConsentView>((ids) =>
    services.consents.listForComplaints(ctx.em, ids),
  );
  return {
    provider: idLoader<ProviderView>((ids) => services.providers.findByIds(ctx.em, ids)),
    authority: idLoader<AuthorityView>((ids) => services.authorities.findByIds(ctx.em, ids)),
    publicService: rowLoader(
      (codes: readonly string[]) => services.publicServices.findByCodes(ctx.em, codes),
      (row) => row.code,
    ),
    user: idLoader<UserView>((ids) => services.users.findByIds(ctx.em, ids)),
    /** Only the complaints the actor may read: the same scope as every other path. */
    complaint: idLoader<ComplaintView>((ids) =>
      services.complaintQueries.findReadableByIds(ctx, ids),
    ),
    escalation: rowLoader<string, ComplaintView>(
      (parentIds) => services.complaintQueries.findReadableEscalations(ctx, parentIds),
      (row) => row.parent?.id ?? '',
    ),
    history: perComplaintLoader<ComplaintEventView>((ids) => historyOf(ctx.em, ids)),
    notices: perComplaintLoader<NoticeView>((ids) =>
      services.notifications.listForComplaints(ctx.em, ids),
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
