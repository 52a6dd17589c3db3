import type { WorkingCalendar } from '@complaints/calendar';
import { defineModule } from '../../app-module.js';
import type { AppConfig } from '../../config.js';
import { CalendarOverride } from './calendar-override.entity.js';
import { CalendarResolver } from './calendar.resolver.js';
import { WorkingCalendarService } from './working-calendar.service.js';
import { WorkingDay } from './working-day.entity.js';

export const calendarModule = defineModule({
  name: 'calendar',
  entities: [CalendarOverride, WorkingDay],
  services: (_, config: Pick<AppConfig, 'officeClosesAt' | 'officeOpensAt'>) => ({
    calendars: new WorkingCalendarService(config.officeClosesAt, config.officeOpensAt),
  }),
  resolvers: ({ calendars }) => [new CalendarResolver(calendars)],
  loaders: (ctx, { calendars }) => {
    let calendar: Promise<WorkingCalendar> | null = null;
    return {
      /** The working calendar with its overrides: read once per request. */
      calendar(): Promise<WorkingCalendar> {
        calendar ??= calendars.calendar(ctx.em);
        return calendar;
      },
    };
  },
});
