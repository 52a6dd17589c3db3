// @vitest-environment node
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@complaints/domain';

const root = fileURLToPath(new URL('../src/i18n/', import.meta.url));

/** The raw messages of one language: area → tree, read from the JSON files. */
function messagesIn(language: string): Record<string, unknown> {
  return Object.fromEntries(
    readdirSync(`${root}${language}`)
      .filter((file) => file.endsWith('.json'))
      .map((file) => [
        file.replace(/\.json$/, ''),
        JSON.parse(readFileSync(`${root}${language}/${file}`, 'utf8')) as unknown,
      ]),
  );
}

/** Every key path with its value, e.g. ['queue.columns.deadline', 'Deadline']. */
function entriesOf(tree: unknown, prefix = ''): [string, unknown][] {
  if (tree === null || typeof tree !== 'object') return [[prefix, tree]];
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) =>
    entriesOf(value, prefix ? `${prefix}.${key}` : key),
  );
}

describe('messages', () => {
  it('i18n: kk, ru and en have exactly the same keys', () => {
    const [first, ...others] = LANGUAGES.map((language) =>
      entriesOf(messagesIn(language))
        .map(([key]) => key)
        .sort(),
    );
    expect(first!.length).toBeGreaterThan(50);
    for (const keys of others) expect(keys).toEqual(first);
  });

  it('i18n: every message is a non-empty text, and kk and ru are not left in English', () => {
    const en = new Map(entriesOf(messagesIn('en')));
    for (const language of LANGUAGES) {
      for (const [key, value] of entriesOf(messagesIn(language))) {
        expect(typeof value === 'string' && value.trim() !== '', `${language}: ${key}`).toBe(true);
        // Names of languages and symbols may be the same; sentences may not.
        if (language !== 'en' && typeof value === 'string' && value.split(' ').length > 2) {
          expect(value, `${language}: ${key} is still English`).not.toBe(en.get(key));
        }
      }
    }
  });
});
