import { auditModule } from './modules/audit/index.js';
import { authoritiesModule } from './modules/authorities/index.js';
import { calendarModule } from './modules/calendar/index.js';
import { complaintsModule } from './modules/complaints/index.js';
import { consentModule } from './modules/consent/index.js';
import { deadlinesModule } from './modules/deadlines/index.js';
import { deliveryModule } from './modules/delivery/index.js';
import { metricsModule } from './modules/metrics/index.js';
import { notificationsModule } from './modules/notifications/index.js';
import { providersModule } from './modules/providers/index.js';
import { rateLimitsModule } from './modules/rate-limits/index.js';
import { publicServicesModule } from './modules/services/index.js';
import { usersModule } from './modules/users/index.js';

/**
 * The composition root: every module with parts (`access` is rules only), each declared in its
 * door. The app's entities, services, resolvers and loaders are derived from this list; services
 * are built after the modules they need, whatever the order here. The order is the order of the
 * schema's root fields (`schema/complaints.graphql`): a move here is a change partners see.
 */
export const appModules = [
  calendarModule,
  deadlinesModule,
  providersModule,
  authoritiesModule,
  publicServicesModule,
  usersModule,
  complaintsModule,
  consentModule,
  auditModule,
  metricsModule,
  notificationsModule,
  rateLimitsModule,
  deliveryModule,
] as const;
