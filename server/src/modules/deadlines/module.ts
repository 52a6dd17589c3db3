import { defineModule } from '../../app-module.js';
import { auditModule } from '../audit/index.js';
import { calendarModule } from '../calendar/index.js';
import { complaintsModule } from '../complaints/index.js';
import { DeadlineCascadeResolver } from './deadline-cascade.resolver.js';
import { DeadlineCascadeService } from './deadline-cascade.service.js';
import { DeadlineFlag } from './deadline-flag.entity.js';
import { DeadlineSweepResolver } from './deadline-sweep.resolver.js';
import { DeadlineSweepService } from './deadline-sweep.service.js';
import { notificationsModule } from '../notifications/index.js';

export const deadlinesModule = defineModule({
  name: 'deadlines',
  needs: () => [calendarModule, complaintsModule, auditModule, notificationsModule],
  entities: [DeadlineFlag],
  services: ({ calendars, complaints, audit, notifications }) => ({
    deadlines: new DeadlineCascadeService(calendars, complaints, audit),
    deadlineSweeps: new DeadlineSweepService(calendars, notifications, audit),
  }),
  resolvers: ({ deadlines, deadlineSweeps }) => [
    new DeadlineCascadeResolver(deadlines),
    new DeadlineSweepResolver(deadlineSweeps),
  ],
});
