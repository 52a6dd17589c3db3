import type { NonEmptyArray } from 'type-graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph';
import { AuditRecordConnectionResolver, AuditResolver } from '../modules/audit/index.js';
import { AuthorityResolver, resolveAuthorityReference } from '../modules/authorities/index.js';
import { CalendarResolver } from '../modules/calendar/index.js';
import { DeadlineCascadeResolver } from '../modules/deadlines/index.js';
import {
  ComplaintConnectionResolver,
  ComplaintResolver,
  resolveComplaintReference,
} from '../modules/complaints/index.js';
import { ConsentResolver, RecipientResolver } from '../modules/consent/index.js';
import { MetricsResolver } from '../modules/metrics/index.js';
import { ProviderResolver, resolveProviderReference } from '../modules/providers/index.js';
import { PublicServiceResolver, resolvePublicServiceReference } from '../modules/services/index.js';
import { UserResolver } from '../modules/users/index.js';
import type { Services } from '../services.js';
import type { ApiContext } from './request-context.js';
import { RateLimitService } from '../modules/rate-limits/index.js';
import { RateLimiter } from './rate-limit.js';

/** Every resolver class, built once with its services (type-graphql asks the container). */
export function createResolvers(services: Services) {
  const rateLimits = new RateLimitService();
  const instances = new Map<unknown, unknown>([
    [CalendarResolver, new CalendarResolver(services.calendars)],
    [DeadlineCascadeResolver, new DeadlineCascadeResolver(services.deadlines)],
    [ProviderResolver, new ProviderResolver(services.providers)],
    [AuthorityResolver, new AuthorityResolver(services.authorities)],
    [PublicServiceResolver, new PublicServiceResolver(services.publicServices)],
    [UserResolver, new UserResolver(services.auth, services.users, services.userAdmin)],
    [
      ComplaintResolver,
      // O6: 30 stage lookups a minute per address make guessing a tracking code hopeless.
      new ComplaintResolver(
        services.complaints,
        services.complaintQueries,
        new RateLimiter(rateLimits, { bucket: 'complaint-stage', limit: 30, windowMs: 60_000 }),
      ),
    ],
    [ComplaintConnectionResolver, new ComplaintConnectionResolver()],
    [ConsentResolver, new ConsentResolver(services.consents)],
    [RecipientResolver, new RecipientResolver()],
    [AuditResolver, new AuditResolver(services.audit)],
    [AuditRecordConnectionResolver, new AuditRecordConnectionResolver()],
    [MetricsResolver, new MetricsResolver(services.metrics)],
  ]);
  const classes = [...instances.keys()] as NonEmptyArray<Function>;
  const referenceResolvers: GraphQLResolverMap<ApiContext> = {
    Complaint: { __resolveReference: resolveComplaintReference },
    Provider: { __resolveReference: resolveProviderReference },
    Authority: { __resolveReference: resolveAuthorityReference },
    PublicService: { __resolveReference: resolvePublicServiceReference },
  };
  return {
    classes,
    container: { get: (someClass: unknown) => instances.get(someClass) },
    referenceResolvers,
  };
}
