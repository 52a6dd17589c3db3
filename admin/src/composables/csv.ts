// CSV as RFC 4180 writes it, for spreadsheets: pure functions, no DOM.

/** The UTF-8 byte order mark: without it Excel reads UTF-8 as the local code page and garbles Cyrillic. */
export const UTF8_BOM = '\uFEFF';

/** RFC 4180 ends every record with CRLF. */
const RECORD_SEPARATOR = '\r\n';

export type CsvValue = string | number | boolean | null | undefined;

/**
 * One field: quoted when it holds a comma, a double quote, CR or LF (or starts or ends with a
 * space, which some readers trim); a double quote inside is doubled. Null and undefined are empty.
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row and the data rows as one CSV document, starting with the UTF-8 BOM. */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return UTF8_BOM + lines.join(RECORD_SEPARATOR) + RECORD_SEPARATOR;
}
