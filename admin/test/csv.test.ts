import { describe, expect, it } from 'vitest';
import { csvField, toCsv, UTF8_BOM } from '../src/composables/csv';

describe('csv', () => {
  it('starts with the UTF-8 BOM so that Excel reads Cyrillic and Kazakh letters right', () => {
    const csv = toCsv(['Қызмет беруші'], [['Әкімдік']]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('writes the header row first, then the data rows, each ended by CRLF', () => {
    const csv = toCsv(
      ['Key', 'Total'],
      [
        ['a', 1],
        ['b', 2],
      ],
    );
    expect(csv).toBe(`${UTF8_BOM}Key,Total\r\na,1\r\nb,2\r\n`);
  });

  it('quotes a field that holds a comma', () => {
    expect(csvField('Astana, Esil district')).toBe('"Astana, Esil district"');
  });

  it('quotes a field that holds a double quote and doubles the quote', () => {
    expect(csvField('ТОО "Астана Су"')).toBe('"ТОО ""Астана Су"""');
  });

  it('quotes a field that holds a newline or a carriage return', () => {
    expect(csvField('line one\nline two')).toBe('"line one\nline two"');
    expect(csvField('line one\r\nline two')).toBe('"line one\r\nline two"');
  });

  it('leaves plain fields and numbers as they are; null and undefined are empty', () => {
    expect(csvField('Алматы')).toBe('Алматы');
    expect(csvField(87.5)).toBe('87.5');
    expect(csvField(0)).toBe('0');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('keeps quoted fields whole inside a document', () => {
    const csv = toCsv(['Name', 'Note'], [['A, B', 'say "hi"\nbye']]);
    expect(csv).toBe(`${UTF8_BOM}Name,Note\r\n"A, B","say ""hi""\nbye"\r\n`);
  });
});
