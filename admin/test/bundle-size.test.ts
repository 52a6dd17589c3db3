// @vitest-environment node
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const BUDGET_BYTES = 150 * 1024;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

/** The JavaScript a route needs before it runs: its chunk and every static import, once each. */
function closure(
  manifest: Record<string, ManifestChunk>,
  keys: string[],
  seen = new Set<string>(),
): Set<string> {
  for (const key of keys) {
    if (seen.has(key) || !manifest[key]) continue;
    seen.add(key);
    closure(manifest, manifest[key].imports ?? [], seen);
  }
  return seen;
}

describe.skipIf(!existsSync(`${dist}.vite/manifest.json`))('the built admin', () => {
  it('Performance: the JavaScript of login + queue is at most 150 KB gzipped; charts load lazily', () => {
    const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, 'utf8')) as Record<
      string,
      ManifestChunk
    >;
    const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
    // The pages, and the messages of one language (Kazakh, the longest), loaded before mount.
    const messages = Object.keys(manifest).filter((key) => key.startsWith('src/i18n/kk/'));
    expect(messages.length).toBeGreaterThan(5);
    const pages = ['src/pages/LoginPage.vue', 'src/pages/ComplaintListPage.vue', ...messages];
    const chunks = closure(manifest, [entry, ...pages]);
    const bytes = [...chunks]
      .map((key) => manifest[key]!.file)
      .filter((file) => file.endsWith('.js'))
      .reduce((sum, file) => sum + gzipSync(readFileSync(`${dist}${file}`)).length, 0);
    console.info(`login + queue JavaScript: ${(bytes / 1024).toFixed(1)} KB gzipped`);
    expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
    const initial = [...chunks]
      .map((key) => readFileSync(`${dist}${manifest[key]!.file}`, 'utf8'))
      .join('\n');
    expect(initial).not.toMatch(/echarts/i);
  });
});
