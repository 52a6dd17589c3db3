import { computed, reactive, ref, shallowRef, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import {
  isLocalDate,
  METRICS_GROUP_BY_VALUES,
  REVIEW_LEVEL_VALUES,
  type MetricsGroupBy,
  type ReviewLevel,
  type Violation,
} from '@complaints/domain';
import {
  ComplianceMetricsDocument,
  type ComplianceMetricsQuery,
  type MetricsFilter,
} from '../graphql/generated/graphql';
import { almatyToday } from '../format';
import { toCsv, type CsvValue } from './csv';
import { useQuery } from './useQuery';

/** O1: how one group of complaints was handled (a `ComplianceRow`). */
export type ComplianceRow = ComplianceMetricsQuery['complianceMetrics'][number];

/** One bar or point of a chart. */
export interface ChartPoint {
  label: string;
  /** A percentage, 0..100; null when there is nothing to show (nothing decided). */
  value: number | null;
}

export interface MetricsPeriod {
  /** LocalDate, registered on or after. */
  from: string;
  /** LocalDate, registered on or before. */
  to: string;
  /** '' = both levels. */
  level: ReviewLevel | '';
}

export { METRICS_GROUP_BY_VALUES, REVIEW_LEVEL_VALUES };

/** The default period: the whole of this year (Asia/Almaty). */
export function thisYear(): MetricsPeriod {
  const year = almatyToday().slice(0, 4);
  return { from: `${year}-01-01`, to: `${year}-12-31`, level: '' };
}

let kazakhNumbers: boolean | undefined;

/**
 * The locale to write numbers in. Kazakh writes them as Russian does (1 234,5); some browsers
 * ship without Kazakh number data and would fall back to 1,234.5, so they get Russian's rules.
 */
export function numberLocale(locale: string): string {
  if (locale !== 'kk') return locale;
  kazakhNumbers ??= new Intl.NumberFormat('kk').format(1.5) === '1,5';
  return kazakhNumbers ? 'kk' : 'ru';
}

/** The on-time rate (0..1) as a percentage in the reader's language; '—' when nothing was decided. */
export function formatRate(rate: number | null | undefined, locale: string): string {
  if (rate === null || rate === undefined) return '—';
  return new Intl.NumberFormat(numberLocale(locale), {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(rate);
}

/** A count or a median in the reader's language; '—' when there is none. */
export function formatNumber(value: number | null | undefined, locale: string): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(numberLocale(locale), { maximumFractionDigits: 1 }).format(value);
}

/** vue-i18n's `t`, as far as these helpers need it. */
export type Translate = (key: string, named: Record<string, unknown>) => string;

/**
 * A YYYY-MM key as the month's name and year, e.g. «2026 ж. қыркүйек», «сентябрь 2026». The names
 * come from our messages: browsers without Kazakh date data would write «2026 M09».
 */
export function formatMonth(key: string, t: Translate): string {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) return key;
  return t('metrics.monthYear', {
    month: t(`metrics.months.${Number(match[2])}`, {}),
    year: match[1],
  });
}

/** A YYYY-MM key as MM.yyyy, short enough for a chart's axis. */
export function formatMonthShort(key: string): string {
  const [year, month] = key.split('-');
  return month ? `${month}.${year}` : key;
}

/** The name of a group as the reader sees it. */
export function groupLabel(row: ComplianceRow, groupBy: MetricsGroupBy, t: Translate): string {
  return groupBy === 'MONTH' ? formatMonth(row.key, t) : row.label;
}

/** The i18n keys of the table's columns after the group, in order; the CSV uses the same. */
export const METRIC_COLUMNS = [
  'total',
  'decided',
  'decidedOnTime',
  'onTimeRate',
  'openOverdue',
  'escalated',
  'upheld',
  'courtReferred',
  'medianWorkingDaysToDecision',
] as const;

/** The rows with a rate, highest first: what a chart's text summary tells. */
export function rankedByRate(rows: readonly ComplianceRow[]): ComplianceRow[] {
  return rows
    .filter((row) => row.onTimeRate !== null)
    .sort((a, b) => b.onTimeRate! - a.onTimeRate!);
}

/** Saves text as a file: a Blob behind a temporary link, which is clicked and removed. */
export function downloadText(
  filename: string,
  text: string,
  type = 'text/csv;charset=utf-8',
): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * O1, R2: compliance with the review deadlines for a period: by provider and by month for the
 * charts, and by any grouping for the table. The period is edited as a draft and applied on
 * submit, so that a half-typed date never reaches the server.
 */
export function useComplianceMetrics() {
  const { t, locale } = useI18n();
  const draft = reactive<MetricsPeriod>(thisYear());
  const applied = shallowRef<MetricsPeriod>({ ...draft });
  const tableGroupBy = ref<MetricsGroupBy>('PROVIDER');
  /** What checking the draft found ('from', 'to'). */
  const violations = shallowRef<readonly Violation[]>([]);

  const filter = computed<MetricsFilter>(() => ({
    from: applied.value.from,
    to: applied.value.to,
    ...(applied.value.level ? { level: applied.value.level } : {}),
  }));

  const byProvider = useQuery(ComplianceMetricsDocument, () => ({
    filter: filter.value,
    groupBy: 'PROVIDER' as const,
  }));
  const byMonth = useQuery(ComplianceMetricsDocument, () => ({
    filter: filter.value,
    groupBy: 'MONTH' as const,
  }));
  const table = useQuery(ComplianceMetricsDocument, () => ({
    filter: filter.value,
    groupBy: tableGroupBy.value,
  }));

  // Group names come in the request language: ask again when the reader switches language.
  watch(locale, () => {
    byProvider.refetch();
    byMonth.refetch();
    table.refetch();
  });

  /** Checks the draft's dates and, when they are dates, makes it the period shown. */
  function apply(): boolean {
    const found: Violation[] = [];
    for (const field of ['from', 'to'] as const) {
      const value = draft[field].trim();
      if (!value) found.push({ field, key: 'required' });
      else if (!isLocalDate(value)) found.push({ field, key: 'invalidDate' });
    }
    violations.value = found;
    if (found.length) return false;
    applied.value = { from: draft.from.trim(), to: draft.to.trim(), level: draft.level };
    return true;
  }

  /** The first error of the three requests (they share the period, so they fail alike). */
  const error = computed(() => table.error.value ?? byProvider.error.value ?? byMonth.error.value);

  const tableRows = computed(() => table.data.value?.complianceMetrics ?? []);
  const providerRows = computed(() => byProvider.data.value?.complianceMetrics ?? []);
  const monthRows = computed(() => byMonth.data.value?.complianceMetrics ?? []);

  /** The table as CSV, headers in the reader's language; the rate as a percentage. */
  function tableCsv(): string {
    const groupBy = tableGroupBy.value;
    const header = [
      t('metrics.csv.key'),
      t(`metrics.groupBy.${groupBy}`),
      ...METRIC_COLUMNS.map((column) => t(`metrics.csv.${column}`)),
    ];
    const rows: CsvValue[][] = tableRows.value.map((row) => [
      row.key,
      row.label,
      row.total,
      row.decided,
      row.decidedOnTime,
      row.onTimeRate === null ? null : Math.round(row.onTimeRate * 1000) / 10,
      row.openOverdue,
      row.escalated,
      row.upheld,
      row.courtReferred,
      row.medianWorkingDaysToDecision,
    ]);
    return toCsv(header, rows);
  }

  function downloadCsv(): void {
    const { from, to } = applied.value;
    downloadText(`compliance-${tableGroupBy.value}-${from}-${to}.csv`, tableCsv());
  }

  return {
    draft,
    applied,
    apply,
    tableGroupBy,
    violations,
    error,
    byProvider: { rows: providerRows, loading: byProvider.loading },
    byMonth: { rows: monthRows, loading: byMonth.loading },
    table: { rows: tableRows, loading: table.loading },
    retry: () => {
      byProvider.refetch();
      byMonth.refetch();
      table.refetch();
    },
    downloadCsv,
    tableCsv,
  };
}
