import type { AppConfig } from './config.js';
import { AuditService } from './modules/audit/index.js';
import { AuthorityService } from './modules/authorities/index.js';
import { WorkingCalendarService } from './modules/calendar/index.js';
import { ComplaintQueryService, ComplaintService } from './modules/complaints/index.js';
import { DeadlineCascadeService } from './modules/deadlines/index.js';
import { ConsentService } from './modules/consent/index.js';
import { ComplianceMetricsService } from './modules/metrics/index.js';
import {
  AuthService,
  resolveSigningKey,
  type SigningKeyConfig,
  UserAdminService,
  UserService,
} from './modules/users/index.js';
import { NotificationService } from './modules/notifications/index.js';
import { ProviderService } from './modules/providers/index.js';
import { PublicServiceService } from './modules/services/index.js';

/** The stateless services, wired once per process; each request brings its own unit of work. */
export function createServices(config: Pick<AppConfig, 'officeClosesAt'> & SigningKeyConfig) {
  const audit = new AuditService();
  const calendars = new WorkingCalendarService(config.officeClosesAt);
  const providers = new ProviderService();
  const authorities = new AuthorityService();
  const publicServices = new PublicServiceService();
  const notifications = new NotificationService();
  const users = new UserService();
  const complaintQueries = new ComplaintQueryService();
  const consents = new ConsentService(audit, notifications);
  const complaints = new ComplaintService(
    calendars,
    authorities,
    notifications,
    consents,
    users,
    audit,
  );
  const auth = new AuthService(users, resolveSigningKey(config));
  const userAdmin = new UserAdminService(users, providers, authorities, audit);
  const metrics = new ComplianceMetricsService();
  const deadlines = new DeadlineCascadeService(calendars, complaints, audit);
  return {
    audit,
    auth,
    calendars,
    deadlines,
    providers,
    authorities,
    publicServices,
    notifications,
    users,
    userAdmin,
    complaints,
    complaintQueries,
    consents,
    metrics,
  };
}

export type Services = ReturnType<typeof createServices>;
