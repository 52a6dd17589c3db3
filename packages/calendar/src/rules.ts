import type { HolidayId, HolidayOccurrence } from './holidays.js';
import { holidaysOfYear } from './holidays.js';
import { weekdayOfEpochDay, yearOfEpochDay } from './local-date.js';

/** A day that the rules make a day off: a holiday itself, or a day off moved from one. */
export type RuleDayOff = {
  readonly id: HolidayId;
  /** The holiday's own date when this day off was moved from it; null for the holiday itself. */
  readonly transferredFrom: number | null;
};

function isWeekend(epochDay: number): boolean {
  const weekday = weekdayOfEpochDay(epochDay);
  return weekday === 0 || weekday === 6;
}

/**
 * Days off by rule, per year, computed once. Shared by every calendar with the same
 * Kurban Ait dates, since overrides never change what the rules say.
 */
export class HolidayRules {
  readonly #kurbanAitByYear: ReadonlyMap<number, number>;
  readonly #holidaysByYear = new Map<number, readonly HolidayOccurrence[]>();
  readonly #daysOffByYear = new Map<number, ReadonlyMap<number, RuleDayOff>>();

  constructor(kurbanAitByYear: ReadonlyMap<number, number>) {
    this.#kurbanAitByYear = kurbanAitByYear;
  }

  /** The rule days off that fall in the year, keyed by epoch day. */
  daysOff(year: number): ReadonlyMap<number, RuleDayOff> {
    let daysOff = this.#daysOffByYear.get(year);
    if (daysOff === undefined) {
      daysOff = this.#computeDaysOff(year);
      this.#daysOffByYear.set(year, daysOff);
    }
    return daysOff;
  }

  #holidays(year: number): readonly HolidayOccurrence[] {
    let holidays = this.#holidaysByYear.get(year);
    if (holidays === undefined) {
      holidays = holidaysOfYear(year, this.#kurbanAitByYear);
      this.#holidaysByYear.set(year, holidays);
    }
    return holidays;
  }

  #computeDaysOff(year: number): Map<number, RuleDayOff> {
    const daysOff = new Map<number, RuleDayOff>();
    for (const holiday of this.#holidays(year)) {
      // On a shared date the non-religious holiday comes first and names the day.
      if (!daysOff.has(holiday.epochDay)) {
        daysOff.set(holiday.epochDay, { id: holiday.id, transferredFrom: null });
      }
    }
    const isHoliday = new Set<number>();
    for (const y of [year - 1, year, year + 1]) {
      for (const holiday of this.#holidays(y)) {
        isHoliday.add(holiday.epochDay);
      }
    }
    // Last year's holidays are replayed too: a late-December transfer may land in this year,
    // and the days it takes are then no longer free for this year's transfers.
    const taken = new Set<number>();
    for (const holiday of [...this.#holidays(year - 1), ...this.#holidays(year)]) {
      if (holiday.isReligious || !isWeekend(holiday.epochDay)) {
        continue;
      }
      let target = holiday.epochDay + 1;
      while (isWeekend(target) || isHoliday.has(target) || taken.has(target)) {
        target += 1;
      }
      taken.add(target);
      if (yearOfEpochDay(target) === year) {
        daysOff.set(target, { id: holiday.id, transferredFrom: holiday.epochDay });
      }
    }
    return daysOff;
  }
}
