// Dates as people in Kazakhstan write them: dd.MM.yyyy, in Asia/Almaty; and which day it is there.

const ALMATY = 'Asia/Almaty';

/** Today in Asia/Almaty as a LocalDate (YYYY-MM-DD): the day the domain's date checks judge. */
export function almatyToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: ALMATY,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** A LocalDate (YYYY-MM-DD) as dd.MM.yyyy. */
export function formatDate(date: string | null | undefined): string {
  if (!date) return '—';
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

const dateTime = new Intl.DateTimeFormat('ru-RU', {
  timeZone: ALMATY,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** An instant as dd.MM.yyyy HH:mm in Asia/Almaty. */
export function formatDateTime(instant: string | null | undefined): string {
  return instant ? dateTime.format(new Date(instant)).replace(',', '') : '—';
}
