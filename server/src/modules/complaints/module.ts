import { defineModule } from '../../app-module.js';
import { idLoader, perComplaintLoader, rowLoader } from '../../graphql/batch-loaders.js';
import { RateLimiter } from '../../graphql/rate-limit.js';
import { auditModule } from '../audit/index.js';
import { authoritiesModule } from '../authorities/index.js';
import { calendarModule } from '../calendar/index.js';
import { consentModule } from '../consent/index.js';
import { notificationsModule } from '../notifications/index.js';
import { rateLimitsModule } from '../rate-limits/index.js';
import { usersModule } from '../users/index.js';
import { ComplaintEvent, type ComplaintEventView } from './complaint-event.entity.js';
import { historyOf } from './complaint-history.js';
import { ComplaintQueryService } from './complaint-query.service.js';
import type { ComplaintView } from './complaint-view.js';
import { Complaint, CourtReferral, Decision, Recipient, Registration } from './complaint.entity.js';
import {
  ComplaintConnectionResolver,
  ComplaintResolver,
  resolveComplaintReference,
} from './complaint.resolver.js';
import { ComplaintService } from './complaint.service.js';
import { IncomingNumberCounter } from './incoming-number-counter.entity.js';

export const complaintsModule = defineModule({
  name: 'complaints',
  needs: () => [
    calendarModule,
    authoritiesModule,
    notificationsModule,
    consentModule,
    usersModule,
    auditModule,
    rateLimitsModule,
  ],
  entities: [
    Recipient,
    Registration,
    Decision,
    CourtReferral,
    Complaint,
    ComplaintEvent,
    IncomingNumberCounter,
  ],
  services: ({ calendars, authorities, notifications, consents, users, audit }) => ({
    complaints: new ComplaintService(calendars, authorities, notifications, consents, users, audit),
    complaintQueries: new ComplaintQueryService(),
  }),
  resolvers: ({ complaints, complaintQueries, rateLimits }) => [
    new ComplaintResolver(
      complaints,
      complaintQueries,
      // O6: 30 stage lookups a minute per address make guessing a tracking code hopeless.
      new RateLimiter(rateLimits, { bucket: 'complaint-stage', limit: 30, windowMs: 60_000 }),
    ),
    new ComplaintConnectionResolver(),
  ],
  referenceResolvers: { Complaint: { __resolveReference: resolveComplaintReference } },
  loaders: (ctx, { complaintQueries }) => ({
    /** Only the complaints the actor may read: the same scope as every other path. */
    complaint: idLoader<ComplaintView>((ids) => complaintQueries.findReadableByIds(ctx, ids)),
    escalation: rowLoader<string, ComplaintView>(
      (parentIds) => complaintQueries.findReadableEscalations(ctx, parentIds),
      (row) => row.parent?.id ?? '',
    ),
    history: perComplaintLoader<ComplaintEventView>((ids) => historyOf(ctx.em, ids)),
  }),
});
