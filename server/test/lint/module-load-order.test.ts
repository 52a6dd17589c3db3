import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// Module doors re-export classes whose decorator metadata names classes of other modules; in an
// import cycle one of them can be read before it is defined ("Cannot access 'X' before
// initialization"). Each door must load first on its own, in a fresh process, from the build.

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const modules = readdirSync(new URL('../../src/modules/', import.meta.url));

describe('module load order', () => {
  it('Modules: every module door loads first, alone, without a temporal dead zone', () => {
    const failures: string[] = [];
    for (const name of modules) {
      try {
        execFileSync(
          process.execPath,
          [
            '--input-type=module',
            '-e',
            `await import('reflect-metadata'); await import('./modules/${name}/index.js');`,
          ],
          { cwd: dist, stdio: 'pipe', timeout: 30_000 },
        );
      } catch (error) {
        const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
        failures.push(
          `${name}: ${stderr.split('\n').find((line) => /Error/.test(line)) ?? stderr}`,
        );
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
