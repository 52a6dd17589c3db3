import type { AppConfig } from './config.js';
import { AuditService } from './modules/audit/audit.service.js';
import { AuthorityService } from './modules/authorities/authority.service.js';
import { WorkingCalendarService } from './modules/calendar/working-calendar.service.js';
import { ComplaintQueryService } from './modules/complaints/complaint-query.service.js';
import { ComplaintService } from './modules/complaints/complaint.service.js';
import { DeadlineCascadeService } from './modules/deadlines/deadline-cascade.service.js';
import { ConsentService } from './modules/consent/consent.service.js';
import { ComplianceMetricsService } from './modules/metrics/compliance-metrics.service.js';
import { AuthService } from './modules/users/auth.service.js';
import { resolveSigningKey, type SigningKeyConfig } from './modules/users/signing-key.js';
import { UserAdminService } from './modules/users/user-admin.service.js';
import { NotificationService } from './modules/notifications/notification.service.js';
import { ProviderService } from './modules/providers/provider.service.js';
import { PublicServiceService } from './modules/services/public-service.service.js';
import { UserService } from './modules/users/user.service.js';

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
