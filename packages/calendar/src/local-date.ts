/** A calendar date in Asia/Almaty, 'YYYY-MM-DD' (years 0000–9999). */
export type LocalDate = string;

const MS_PER_DAY = 86_400_000;
export const MIN_YEAR = 0;
export const MAX_YEAR = 9999;
const CHAR_0 = 48;

function digitAt(s: string, index: number): number {
  const digit = s.charCodeAt(index) - CHAR_0;
  return digit >= 0 && digit <= 9 ? digit : Number.NaN;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return isLeapYear(year) ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
 * Integer arithmetic rather than Date.UTC, whose years 0–99 mean 1900–1999.
 */
export function epochDayFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The calendar year that contains an epoch day. */
export function yearOfEpochDay(epochDay: number): number {
  // The mean Gregorian year puts the estimate within one year of the answer.
  const estimate = Math.floor(epochDay / 365.2425) + 1970;
  if (epochDayFromCivil(estimate, 1, 1) > epochDay) {
    return estimate - 1;
  }
  return epochDayFromCivil(estimate + 1, 1, 1) <= epochDay ? estimate + 1 : estimate;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Formats an epoch day; RangeError outside the years a LocalDate can hold. */
export function localDateFromEpochDay(epochDay: number): LocalDate {
  const year = Number.isSafeInteger(epochDay) ? yearOfEpochDay(epochDay) : Number.NaN;
  if (!(year >= MIN_YEAR && year <= MAX_YEAR)) {
    throw new RangeError(`Date out of range: a LocalDate holds years ${MIN_YEAR}–${MAX_YEAR}`);
  }
  let day = epochDay - epochDayFromCivil(year, 1, 1) + 1;
  let month = 1;
  while (day > daysInMonth(year, month)) {
    day -= daysInMonth(year, month);
    month += 1;
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The epoch day of a valid LocalDate, or NaN; reads characters so that no strings are allocated. */
function tryEpochDay(s: unknown): number {
  if (typeof s !== 'string' || s.length !== 10 || s[4] !== '-' || s[7] !== '-') {
    return Number.NaN;
  }
  const year = digitAt(s, 0) * 1000 + digitAt(s, 1) * 100 + digitAt(s, 2) * 10 + digitAt(s, 3);
  const month = digitAt(s, 5) * 10 + digitAt(s, 6);
  const day = digitAt(s, 8) * 10 + digitAt(s, 9);
  // NaN fails every comparison, so a non-digit anywhere lands here too.
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) {
    return Number.NaN;
  }
  return epochDayFromCivil(year, month, day);
}

/** The epoch day of a LocalDate; RangeError naming the argument when it is not one. */
export function toEpochDay(s: LocalDate, name = 'date'): number {
  const epochDay = tryEpochDay(s);
  if (Number.isNaN(epochDay)) {
    throw new RangeError(`Invalid ${name}: expected a real date as YYYY-MM-DD, got ${quote(s)}`);
  }
  return epochDay;
}

function quote(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

/** 0 = Sunday … 6 = Saturday; 1970-01-01 was a Thursday. */
export function weekdayOfEpochDay(epochDay: number): number {
  return (((epochDay + 4) % 7) + 7) % 7;
}

export function isLocalDate(s: string): boolean {
  return !Number.isNaN(tryEpochDay(s));
}

/** The LocalDate as a Date at 00:00 UTC that day; read it back with the getUTC* methods. */
export function parseLocalDate(s: string): Date {
  return new Date(toEpochDay(s) * MS_PER_DAY);
}

/**
 * The UTC calendar date of a Date, as produced by parseLocalDate. It does not convert an
 * instant to Asia/Almaty: shift the instant to Almaty wall-clock time first.
 */
export function formatLocalDate(date: Date): LocalDate {
  const time = date instanceof Date ? date.getTime() : Number.NaN;
  if (Number.isNaN(time)) {
    throw new RangeError('Invalid Date: cannot format it as a LocalDate');
  }
  return localDateFromEpochDay(Math.floor(time / MS_PER_DAY));
}

export function addDays(d: LocalDate, n: number): LocalDate {
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`Invalid day count: expected an integer, got ${n}`);
  }
  return localDateFromEpochDay(toEpochDay(d) + n);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: LocalDate): number {
  return weekdayOfEpochDay(toEpochDay(d));
}

/** Negative, zero or positive as a is before, equal to or after b (usable with Array#sort). */
export function compareLocalDate(a: LocalDate, b: LocalDate): -1 | 0 | 1 {
  const difference = toEpochDay(a, 'first date') - toEpochDay(b, 'second date');
  return difference < 0 ? -1 : difference > 0 ? 1 : 0;
}
