import type { AppConfig } from './config.js';
import { AuditService } from './modules/audit/audit.service.js';
import { AuthorityService } from './modules/authorities/authority.service.js';
import { WorkingCalendarService } from './modules/calendar/working-calendar.service.js';
import { ComplaintService } from './modules/complaints/complaint.service.js';
import { NotificationService } from './modules/notifications/notification.service.js';
import { ProviderService } from './modules/providers/provider.service.js';
import { PublicServiceService } from './modules/services/public-service.service.js';
import { UserService } from './modules/users/user.service.js';

/** The stateless services, wired once per process; each request brings its own unit of work. */
export function createServices(config: Pick<AppConfig, 'officeClosesAt'>) {
  const audit = new AuditService();
  const calendars = new WorkingCalendarService(audit, config.officeClosesAt);
  const providers = new ProviderService();
  const authorities = new AuthorityService();
  const publicServices = new PublicServiceService();
  const notifications = new NotificationService();
  const users = new UserService();
  const complaints = new ComplaintService(
    calendars,
    providers,
    authorities,
    publicServices,
    notifications,
    audit,
  );
  calendars.setDeadlineRecomputer(complaints);
  return {
    audit,
    calendars,
    providers,
    authorities,
    publicServices,
    notifications,
    users,
    complaints,
  };
}

export type Services = ReturnType<typeof createServices>;
