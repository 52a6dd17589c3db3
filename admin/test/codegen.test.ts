// @vitest-environment node
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen';

const adminDir = fileURLToPath(new URL('..', import.meta.url));

describe('typed documents', () => {
  it('Codegen: src/graphql/generated is what `pnpm codegen` makes from the operations and the schema', async () => {
    const outputs = (await generate({ ...config, cwd: adminDir, silent: true }, false)) as {
      filename: string;
      content: string;
    }[];
    expect(outputs.length).toBeGreaterThan(0);
    for (const output of outputs) {
      const onDisk = readFileSync(resolve(adminDir, output.filename), 'utf8');
      expect(onDisk, `${output.filename} is stale: run pnpm codegen`).toBe(output.content);
    }
  }, 60_000);
});
