import type { HolidayId } from './holidays.js';
import { HOLIDAY_NAMES, KURBAN_AIT_DATES, validateKurbanAitDates } from './holidays.js';
import type { LocalDate } from './local-date.js';
import {
  MAX_YEAR,
  MIN_YEAR,
  daysInYear,
  epochDayFromCivil,
  localDateFromEpochDay,
  toEpochDay,
  weekdayOfEpochDay,
  yearOfEpochDay,
} from './local-date.js';
import type { RuleDayOff } from './rules.js';
import { HolidayRules } from './rules.js';

/** A government decree or a supervisor's decision about one date; it beats every rule. */
export type CalendarOverride = { date: LocalDate; working: boolean; reason: string };

export type CalendarDay = {
  date: LocalDate;
  working: boolean;
  /** English text for developers and logs; the UI localizes from `holiday`/`transferredFrom`. */
  reason: string | null;
  source: 'RULE' | 'OVERRIDE';
  /**
   * The holiday on this date, or the holiday a day off was moved from. An override keeps
   * what the rules say here, so the UI can show e.g. "Nauryz, working by decree".
   */
  holiday: HolidayId | null;
  /** The holiday's date when this day off was moved from a weekend holiday. */
  transferredFrom: LocalDate | null;
};

export type WorkingCalendarOptions = {
  /** When two overrides name the same date, the later one wins. */
  overrides?: readonly CalendarOverride[];
  /** Replaces KURBAN_AIT_DATES: pass `{ ...KURBAN_AIT_DATES, 2027: '…' }` to extend it. */
  kurbanAitDates?: Readonly<Record<number, LocalDate>>;
};

/** One year, built once: flags and running counts make every lookup O(1) or O(log 366). */
type YearTable = {
  readonly year: number;
  readonly start: number;
  /** 1 for a working day, by day of the year. */
  readonly working: Uint8Array;
  /** Working days from 1 January up to and including each day of the year. */
  readonly workingThrough: Int32Array;
  readonly workingTotal: number;
  readonly exceptional: ReadonlyMap<number, Readonly<CalendarDay>>;
  readonly exceptions: readonly Readonly<CalendarDay>[];
};

function isWeekday(epochDay: number): boolean {
  const weekday = weekdayOfEpochDay(epochDay);
  return weekday >= 1 && weekday <= 5;
}

function ruleDay(epochDay: number, dayOff: RuleDayOff): CalendarDay {
  const name = HOLIDAY_NAMES[dayOff.id].en;
  const transferredFrom =
    dayOff.transferredFrom === null ? null : localDateFromEpochDay(dayOff.transferredFrom);
  return {
    date: localDateFromEpochDay(epochDay),
    working: false,
    reason: transferredFrom === null ? name : `Day off moved from ${transferredFrom} (${name})`,
    source: 'RULE',
    holiday: dayOff.id,
    transferredFrom,
  };
}

function validateOverrides(
  overrides: readonly CalendarOverride[],
): Map<number, Map<number, CalendarOverride>> {
  const byYear = new Map<number, Map<number, CalendarOverride>>();
  for (const override of overrides) {
    const epochDay = toEpochDay(override.date, 'override date');
    if (typeof override.working !== 'boolean') {
      throw new TypeError(`Invalid override for ${override.date}: working must be a boolean`);
    }
    const year = yearOfEpochDay(epochDay);
    let ofYear = byYear.get(year);
    if (ofYear === undefined) {
      ofYear = new Map();
      byYear.set(year, ofYear);
    }
    // A copy, so that changing the caller's array or objects later cannot change this calendar.
    ofYear.set(epochDay, {
      date: override.date,
      working: override.working,
      reason: override.reason,
    });
  }
  return byYear;
}

function checkYear(year: number): void {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    throw new RangeError(`Invalid year: expected an integer ${MIN_YEAR}–${MAX_YEAR}, got ${year}`);
  }
}

export class WorkingCalendar {
  #rules: HolidayRules;
  readonly #kurbanAitDates: Readonly<Record<number, LocalDate>>;
  readonly #overridesByYear: ReadonlyMap<number, ReadonlyMap<number, CalendarOverride>>;
  readonly #tables = new Map<number, YearTable>();
  #lastTable: YearTable | undefined;

  constructor(options: WorkingCalendarOptions = {}) {
    this.#kurbanAitDates = Object.freeze({ ...(options.kurbanAitDates ?? KURBAN_AIT_DATES) });
    this.#rules = new HolidayRules(validateKurbanAitDates(this.#kurbanAitDates));
    this.#overridesByYear = validateOverrides(options.overrides ?? []);
  }

  /** A calendar with these overrides instead of this one's, and the same Kurban Ait dates. */
  withOverrides(overrides: readonly CalendarOverride[]): WorkingCalendar {
    const calendar = new WorkingCalendar({ overrides, kurbanAitDates: this.#kurbanAitDates });
    // The rules do not depend on overrides, so the years computed so far are reused.
    calendar.#rules = this.#rules;
    return calendar;
  }

  isWorkingDay(d: LocalDate): boolean {
    const epochDay = toEpochDay(d);
    const table = this.#tableOf(epochDay);
    return table.working[epochDay - table.start] === 1;
  }

  day(d: LocalDate): CalendarDay {
    const epochDay = toEpochDay(d);
    const exceptional = this.#tableOf(epochDay).exceptional.get(epochDay);
    if (exceptional !== undefined) {
      return { ...exceptional };
    }
    return {
      date: d,
      working: isWeekday(epochDay),
      reason: null,
      source: 'RULE',
      holiday: null,
      transferredFrom: null,
    };
  }

  /** The n-th working day after `from` (the count starts the next day); n = 0 gives `from`. */
  addWorkingDays(from: LocalDate, n: number): LocalDate {
    const fromDay = toEpochDay(from, 'from');
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new RangeError(`Invalid working day count: expected an integer ≥ 0, got ${n}`);
    }
    if (n === 0) {
      return from;
    }
    let table = this.#tableOf(fromDay);
    let countedThroughFrom = table.workingThrough[fromDay - table.start] ?? 0;
    let remaining = n;
    while (remaining > table.workingTotal - countedThroughFrom) {
      remaining -= table.workingTotal - countedThroughFrom;
      if (table.year >= MAX_YEAR) {
        throw new RangeError(`Working day count too large: ${n} days after ${from}`);
      }
      table = this.#tableOfYear(table.year + 1);
      countedThroughFrom = 0;
    }
    const index = firstIndexReaching(table.workingThrough, countedThroughFrom + remaining);
    return localDateFromEpochDay(table.start + index);
  }

  /** Working days in (from, to]; negative, counting (to, from], when to is before from. */
  workingDaysBetween(from: LocalDate, to: LocalDate): number {
    const fromDay = toEpochDay(from, 'from');
    const toDay = toEpochDay(to, 'to');
    if (fromDay <= toDay) {
      return this.#workingDaysAfter(fromDay, toDay);
    }
    // 0 - x rather than -x: no -0 when the span holds no working day.
    return 0 - this.#workingDaysAfter(toDay, fromDay);
  }

  /** Every day of the year that is not ordinary (holidays, moved days off, overrides), by date. */
  exceptions(year: number): CalendarDay[] {
    checkYear(year);
    return this.#tableOfYear(year).exceptions.map((day) => ({ ...day }));
  }

  /** Working days in (fromDay, toDay] for fromDay ≤ toDay. */
  #workingDaysAfter(fromDay: number, toDay: number): number {
    const fromTable = this.#tableOf(fromDay);
    const toTable = this.#tableOf(toDay);
    const countedThroughFrom = fromTable.workingThrough[fromDay - fromTable.start] ?? 0;
    const countedThrough = toTable.workingThrough[toDay - toTable.start] ?? 0;
    let total = countedThrough - countedThroughFrom;
    for (let year = fromTable.year; year < toTable.year; year += 1) {
      total += this.#tableOfYear(year).workingTotal;
    }
    return total;
  }

  #tableOf(epochDay: number): YearTable {
    const last = this.#lastTable;
    if (
      last !== undefined &&
      epochDay >= last.start &&
      epochDay < last.start + last.working.length
    ) {
      return last;
    }
    return this.#tableOfYear(yearOfEpochDay(epochDay));
  }

  #tableOfYear(year: number): YearTable {
    let table = this.#tables.get(year);
    if (table === undefined) {
      table = this.#buildTable(year);
      this.#tables.set(year, table);
    }
    this.#lastTable = table;
    return table;
  }

  #buildTable(year: number): YearTable {
    const start = epochDayFromCivil(year, 1, 1);
    const working = new Uint8Array(daysInYear(year));
    for (let index = 0; index < working.length; index += 1) {
      working[index] = isWeekday(start + index) ? 1 : 0;
    }
    const exceptional = new Map<number, Readonly<CalendarDay>>();
    for (const [epochDay, dayOff] of this.#rules.daysOff(year)) {
      working[epochDay - start] = 0;
      exceptional.set(epochDay, Object.freeze(ruleDay(epochDay, dayOff)));
    }
    for (const [epochDay, override] of this.#overridesByYear.get(year) ?? []) {
      working[epochDay - start] = override.working ? 1 : 0;
      const byRule = exceptional.get(epochDay);
      exceptional.set(
        epochDay,
        Object.freeze({
          date: localDateFromEpochDay(epochDay),
          working: override.working,
          reason: override.reason,
          source: 'OVERRIDE',
          holiday: byRule?.holiday ?? null,
          transferredFrom: byRule?.transferredFrom ?? null,
        }),
      );
    }
    const workingThrough = new Int32Array(working.length);
    let count = 0;
    for (let index = 0; index < working.length; index += 1) {
      count += working[index] ?? 0;
      workingThrough[index] = count;
    }
    const exceptions = [...exceptional.entries()].sort(([a], [b]) => a - b).map(([, day]) => day);
    return { year, start, working, workingThrough, workingTotal: count, exceptional, exceptions };
  }
}

/** The first index whose running count reaches `target`: that day is the target-th working day. */
function firstIndexReaching(workingThrough: Int32Array, target: number): number {
  let low = 0;
  let high = workingThrough.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((workingThrough[middle] ?? 0) < target) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/** The rules with the shipped Kurban Ait dates and no overrides. */
export const defaultCalendar = new WorkingCalendar();

export function isWorkingDay(d: LocalDate, cal: WorkingCalendar = defaultCalendar): boolean {
  return cal.isWorkingDay(d);
}

export function addWorkingDays(
  from: LocalDate,
  n: number,
  cal: WorkingCalendar = defaultCalendar,
): LocalDate {
  return cal.addWorkingDays(from, n);
}

export function workingDaysBetween(
  from: LocalDate,
  to: LocalDate,
  cal: WorkingCalendar = defaultCalendar,
): number {
  return cal.workingDaysBetween(from, to);
}

export function exceptions(year: number, cal: WorkingCalendar = defaultCalendar): CalendarDay[] {
  return cal.exceptions(year);
}
