import { computed, reactive, ref, shallowRef, watch } from 'vue';
import { almatyToday, formatDate } from '../format';
import { HOLIDAY_NAMES, type HolidayId } from '@complaints/calendar';
import { validateCalendarDay, type Language, type Violation } from '@complaints/domain';
import { apolloClient } from '../apollo';
import {
  CalendarExceptionsDocument,
  PreviewCalendarDayDocument,
  SetCalendarDayDocument,
  type CalendarExceptionsQuery,
  type PreviewCalendarDayQuery,
} from '../graphql/generated/graphql';
import { toApiError, type ApiError } from './apiError';
import { useMutation, useQuery } from './useQuery';

export type CalendarDay = CalendarExceptionsQuery['calendarExceptions'][number];

/**
 * Why a day is not ordinary, in the reader's language: holidays by their official kk/ru/en name
 * from the calendar package; a decree's own wording as the supervisor wrote it.
 */
export function dayReason(
  day: Pick<CalendarDay, 'source' | 'holiday' | 'transferredFrom' | 'reason'>,
  language: Language,
  movedFrom: (values: { date: string; holiday: string }) => string,
): string | null {
  if (day.source !== 'RULE' || !day.holiday || !(day.holiday in HOLIDAY_NAMES))
    return day.reason ?? null;
  const name = HOLIDAY_NAMES[day.holiday as HolidayId][language];
  return day.transferredFrom
    ? movedFrom({ date: formatDate(day.transferredFrom), holiday: name })
    : name;
}
export type DeadlineMove = PreviewCalendarDayQuery['previewCalendarDay'][number];

/** A change to one day of the calendar, as the form holds it. */
export interface CalendarDraft {
  /** LocalDate. */
  date: string;
  /** True: a working day; false: a day off. */
  working: boolean;
  /** The decree or the holiday. */
  reason: string;
}

/** What the last confirmed change did, for the success notification. */
export interface CalendarChangeDone {
  date: string;
  working: boolean;
  moved: number;
}

/** This year in Asia/Almaty. */
function currentYear(): number {
  return Number(almatyToday().slice(0, 4));
}

/** The years the selector offers: a few either side of this one, and the one being shown. */
export function yearsAround(shown: number, today = currentYear()): number[] {
  const years = new Set<number>([shown]);
  for (let year = today - 3; year <= today + 3; year += 1) years.add(year);
  return [...years].sort((a, b) => a - b);
}

/**
 * The working calendar of a year (its days that are not ordinary), and a SUPERVISOR's change to
 * one day in two steps: check which open deadlines it would move, then confirm.
 */
export function useWorkingCalendar() {
  const year = ref(currentYear());
  const exceptions = useQuery(CalendarExceptionsDocument, () => ({ year: year.value }));
  const days = computed<CalendarDay[]>(() =>
    [...(exceptions.data.value?.calendarExceptions ?? [])].sort((a, b) =>
      a.date.localeCompare(b.date),
    ),
  );

  const draft = reactive<CalendarDraft>({ date: '', working: false, reason: '' });
  /** What the domain found in the draft when it was last checked. */
  const violations = shallowRef<readonly Violation[]>([]);
  /** The API's answer to the last check or change (BAD_USER_INPUT: its fields). */
  const changeError = shallowRef<ApiError | null>(null);
  /** The checked change and the deadlines it would move; null until checked, or once edited. */
  const preview = shallowRef<{ draft: CalendarDraft; moves: DeadlineMove[] } | null>(null);
  const checking = ref(false);
  const setDay = useMutation(SetCalendarDayDocument);
  const done = shallowRef<CalendarChangeDone | null>(null);

  // What was checked is what gets confirmed: any edit asks for a new check.
  watch(
    () => [draft.date, draft.working, draft.reason],
    () => {
      preview.value = null;
    },
  );

  /** Starts a change from a row: e.g. removing a day off that an override made. */
  function prefill(day: { date: string; working: boolean }) {
    Object.assign(draft, { date: day.date, working: day.working, reason: '' });
    violations.value = [];
    changeError.value = null;
    done.value = null;
  }

  /** Step 1: validates the change (domain rules) and asks which open deadlines it would move. */
  async function check(): Promise<boolean> {
    done.value = null;
    changeError.value = null;
    violations.value = validateCalendarDay(draft);
    if (violations.value.length) return false;
    const variables = {
      date: draft.date.trim(),
      working: draft.working,
      reason: draft.reason.trim(),
    };
    checking.value = true;
    try {
      const result = await apolloClient.query({
        query: PreviewCalendarDayDocument,
        variables,
        fetchPolicy: 'no-cache',
      });
      if (!result.data) return false;
      preview.value = { draft: variables, moves: result.data.previewCalendarDay };
      return true;
    } catch (error) {
      changeError.value = toApiError(error);
      return false;
    } finally {
      checking.value = false;
    }
  }

  /** Step 2: makes the checked change, then shows the year that holds the day. */
  async function confirm(): Promise<boolean> {
    const pending = preview.value;
    if (!pending) return false;
    changeError.value = null;
    const data = await setDay.run(pending.draft);
    if (!data) {
      changeError.value = setDay.error.value;
      return false;
    }
    done.value = {
      date: data.setCalendarDay.date,
      working: data.setCalendarDay.working,
      moved: pending.moves.length,
    };
    Object.assign(draft, { date: '', working: false, reason: '' });
    preview.value = null;
    const changedYear = Number(pending.draft.date.slice(0, 4));
    if (changedYear === year.value) exceptions.refetch();
    else year.value = changedYear;
    return true;
  }

  /** Step 2 declined: back to editing. */
  function cancel() {
    preview.value = null;
  }

  return {
    year,
    days,
    loading: exceptions.loading,
    error: exceptions.error,
    refetch: exceptions.refetch,
    draft,
    violations,
    changeError,
    preview,
    checking,
    saving: setDay.running,
    done,
    prefill,
    check,
    confirm,
    cancel,
  };
}
