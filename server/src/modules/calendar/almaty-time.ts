import type { LocalDate } from '@complaints/calendar';

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
