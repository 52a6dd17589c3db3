export type { LocalDate } from './local-date.js';
export {
  addDays,
  compareLocalDate,
  dayOfWeek,
  formatLocalDate,
  isLocalDate,
  parseLocalDate,
} from './local-date.js';
export type { HolidayId, HolidayName } from './holidays.js';
export { HOLIDAY_NAMES, KURBAN_AIT_DATES } from './holidays.js';
export type { CalendarDay, CalendarOverride, WorkingCalendarOptions } from './working-calendar.js';
export {
  WorkingCalendar,
  addWorkingDays,
  defaultCalendar,
  exceptions,
  isWorkingDay,
  workingDaysBetween,
} from './working-calendar.js';
