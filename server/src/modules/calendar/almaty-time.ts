import { parseLocalDate, type LocalDate } from '@complaints/calendar';

// Kazakhstan has used one time zone (UTC+5) since 1 March 2024; Intl keeps the history right.
const formatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Almaty',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

export interface AlmatyDateTime {
  date: LocalDate;
  hour: number;
  minute: number;
}

// The last minute formatted: a request asks for "today" once per row of its page, all with one
// clock reading, and Intl formatting is slow. Zone offsets change on whole minutes.
let cachedMinute = Number.NaN;
let cached: AlmatyDateTime = { date: '1970-01-01', hour: 0, minute: 0 };

/** The calendar date and wall-clock time of an instant in Asia/Almaty. */
export function almatyDateTime(instant: Date): AlmatyDateTime {
  const minute = Math.floor(instant.getTime() / 60_000);
  if (minute === cachedMinute) return { ...cached };
  const parts = Object.fromEntries(
    formatter.formatToParts(instant).map((part) => [part.type, part.value]),
  );
  cached = {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
  cachedMinute = minute;
  return { ...cached };
}

export function almatyDate(instant: Date): LocalDate {
  return almatyDateTime(instant).date;
}

const MS_PER_MINUTE = 60_000;

/**
 * The first instant of a calendar date in Asia/Almaty, at the offset the zone had that day
 * (UTC+6 before 1 March 2024, UTC+5 since), so a filter by date selects that whole day.
 */
export function almatyDayStart(date: LocalDate): Date {
  const wallMidnight = parseLocalDate(date).getTime();
  const guess = wallMidnight - almatyOffset(wallMidnight);
  // Read again at the guess: the offset may have changed that night (it did at 1 March 2024's).
  return new Date(wallMidnight - almatyOffset(guess));
}

/** Almaty's wall clock minus UTC at an instant, in ms (whole minutes). */
function almatyOffset(instant: number): number {
  const { date, hour, minute } = almatyDateTime(new Date(instant));
  const wallClock = parseLocalDate(date).getTime() + (hour * 60 + minute) * MS_PER_MINUTE;
  return wallClock - Math.floor(instant / MS_PER_MINUTE) * MS_PER_MINUTE;
}
