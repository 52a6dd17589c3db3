import DataLoader from 'dataloader';
import { defineModule } from '../../app-module.js';
import { perComplaintLoader } from '../../graphql/batch-loaders.js';
import { auditModule } from '../audit/index.js';
import type { ComplaintView } from '../complaints/index.js';
import { notificationsModule } from '../notifications/index.js';
import { Consent, type ConsentView } from './consent.entity.js';
import { ConsentResolver, RecipientResolver } from './consent.resolver.js';
import { ConsentService, type ProtectedRecipientField } from './consent.service.js';

export const consentModule = defineModule({
  name: 'consent',
  needs: () => [auditModule, notificationsModule],
  entities: [Consent],
  services: ({ audit, notifications }) => ({ consents: new ConsentService(audit, notifications) }),
  resolvers: ({ consents }) => [new ConsentResolver(consents), new RecipientResolver()],
  loaders: (ctx, { consents }) => {
    const consentsOf = perComplaintLoader<ConsentView>((ids) =>
      consents.listForComplaints(ctx.em, ids),
    );
    return {
      consents: consentsOf,
      protectedRead: new DataLoader(
        (reads: readonly { complaint: ComplaintView; field: ProtectedRecipientField }[]) =>
          consents.readProtected(ctx, reads, (ids) => consentsOf.loadMany(ids)),
        { cacheKeyFn: (read) => `${read.complaint.id}:${read.field}` },
      ),
    };
  },
});
