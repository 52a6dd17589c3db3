import type { LocalDate } from './local-date.js';
import { epochDayFromCivil, toEpochDay, yearOfEpochDay } from './local-date.js';

export type HolidayId =
  | 'NEW_YEAR'
  | 'ORTHODOX_CHRISTMAS'
  | 'WOMENS_DAY'
  | 'NAURYZ'
  | 'UNITY_DAY'
  | 'DEFENDER_DAY'
  | 'VICTORY_DAY'
  | 'CAPITAL_DAY'
  | 'CONSTITUTION_DAY'
  | 'REPUBLIC_DAY'
  | 'INDEPENDENCE_DAY'
  | 'KURBAN_AIT';

export type HolidayName = { kk: string; ru: string; en: string };

export const HOLIDAY_NAMES: Readonly<Record<HolidayId, Readonly<HolidayName>>> = Object.freeze({
  NEW_YEAR: { kk: 'Жаңа жыл', ru: 'Новый год', en: 'New Year' },
  ORTHODOX_CHRISTMAS: {
    kk: 'Православиелік Рождество',
    ru: 'Православное Рождество',
    en: 'Orthodox Christmas',
  },
  WOMENS_DAY: {
    kk: 'Халықаралық әйелдер күні',
    ru: 'Международный женский день',
    en: "International Women's Day",
  },
  NAURYZ: { kk: 'Наурыз мейрамы', ru: 'Наурыз мейрамы', en: 'Nauryz' },
  UNITY_DAY: {
    kk: 'Қазақстан халқының бірлігі мерекесі',
    ru: 'Праздник единства народа Казахстана',
    en: 'Unity Day of the People of Kazakhstan',
  },
  DEFENDER_DAY: {
    kk: 'Отан қорғаушы күні',
    ru: 'День защитника Отечества',
    en: 'Defender of the Fatherland Day',
  },
  VICTORY_DAY: { kk: 'Жеңіс күні', ru: 'День Победы', en: 'Victory Day' },
  CAPITAL_DAY: { kk: 'Астана күні', ru: 'День столицы', en: 'Capital Day' },
  CONSTITUTION_DAY: { kk: 'Конституция күні', ru: 'День Конституции', en: 'Constitution Day' },
  REPUBLIC_DAY: { kk: 'Республика күні', ru: 'День Республики', en: 'Republic Day' },
  INDEPENDENCE_DAY: { kk: 'Тәуелсіздік күні', ru: 'День Независимости', en: 'Independence Day' },
  KURBAN_AIT: { kk: 'Құрбан айт', ru: 'Курбан айт', en: 'Kurban Ait' },
});

/**
 * The first day of Kurban Ait, announced each year; years missing here have no Kurban Ait
 * day off until a calendar option or an override adds it.
 */
export const KURBAN_AIT_DATES: Readonly<Record<number, LocalDate>> = Object.freeze({
  2026: '2026-05-27',
});

/** Holidays with a fixed date: [month, day, id]. */
const FIXED_HOLIDAYS: readonly (readonly [number, number, HolidayId])[] = [
  [1, 1, 'NEW_YEAR'],
  [1, 2, 'NEW_YEAR'],
  [1, 7, 'ORTHODOX_CHRISTMAS'],
  [3, 8, 'WOMENS_DAY'],
  [3, 21, 'NAURYZ'],
  [3, 22, 'NAURYZ'],
  [3, 23, 'NAURYZ'],
  [5, 1, 'UNITY_DAY'],
  [5, 7, 'DEFENDER_DAY'],
  [5, 9, 'VICTORY_DAY'],
  [7, 6, 'CAPITAL_DAY'],
  [8, 30, 'CONSTITUTION_DAY'],
  [10, 25, 'REPUBLIC_DAY'],
  [12, 16, 'INDEPENDENCE_DAY'],
];

/** Religious holidays are days off but never move a day off when they fall on a weekend. */
const RELIGIOUS: ReadonlySet<HolidayId> = new Set<HolidayId>(['ORTHODOX_CHRISTMAS', 'KURBAN_AIT']);

export type HolidayOccurrence = {
  readonly epochDay: number;
  readonly id: HolidayId;
  readonly isReligious: boolean;
};

/** Checks the option up front so that a bad date fails at construction, not at some later lookup. */
export function validateKurbanAitDates(
  dates: Readonly<Record<number, LocalDate>>,
): ReadonlyMap<number, number> {
  const byYear = new Map<number, number>();
  for (const [key, date] of Object.entries(dates)) {
    const year = Number(key);
    const epochDay = toEpochDay(date, `Kurban Ait date for ${key}`);
    if (!Number.isInteger(year) || yearOfEpochDay(epochDay) !== year) {
      throw new RangeError(`Invalid Kurban Ait date: '${date}' is not in year ${key}`);
    }
    byYear.set(year, epochDay);
  }
  return byYear;
}

/** The year's holidays in date order; on a shared date the non-religious one comes first. */
export function holidaysOfYear(
  year: number,
  kurbanAitByYear: ReadonlyMap<number, number>,
): HolidayOccurrence[] {
  const holidays: HolidayOccurrence[] = FIXED_HOLIDAYS.map(([month, day, id]) => ({
    epochDay: epochDayFromCivil(year, month, day),
    id,
    isReligious: RELIGIOUS.has(id),
  }));
  const kurbanAit = kurbanAitByYear.get(year);
  if (kurbanAit !== undefined) {
    holidays.push({ epochDay: kurbanAit, id: 'KURBAN_AIT', isReligious: true });
  }
  return holidays.sort(
    (a, b) => a.epochDay - b.epochDay || Number(a.isReligious) - Number(b.isReligious),
  );
}
