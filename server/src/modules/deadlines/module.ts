import { defineModule } from '../../app-module.js';
import { auditModule } from '../audit/index.js';
import { calendarModule } from '../calendar/index.js';
import { complaintsModule } from '../complaints/index.js';
import { DeadlineCascadeResolver } from './deadline-cascade.resolver.js';
import { DeadlineCascadeService } from './deadline-cascade.service.js';

export const deadlinesModule = defineModule({
  name: 'deadlines',
  needs: () => [calendarModule, complaintsModule, auditModule],
  services: ({ calendars, complaints, audit }) => ({
    deadlines: new DeadlineCascadeService(calendars, complaints, audit),
  }),
  resolvers: ({ deadlines }) => [new DeadlineCascadeResolver(deadlines)],
});
