// Generates a migration from the difference between the entities and the last snapshot, into
// src/db/migrations, and rewrites src/db/migrations/index.ts. Run with `pnpm migration:create`.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import { startEmbeddedDatabase } from './embedded.js';
import { migrationsSourceDir as sourceDir, ormConfig } from './orm-config.js';

const blank = process.argv.includes('--blank');
const name = process.argv.find((arg) => arg.startsWith('--name='))?.slice('--name='.length);

const scratch = mkdtempSync(join(tmpdir(), 'migration-'));
const embedded = await startEmbeddedDatabase(scratch, 1);
const orm = new MikroORM(ormConfig(embedded.url, 1));
try {
  await orm.migrator.up();
  const result = await orm.migrator.create(sourceDir, blank, false, name);
  console.log(result.fileName ? `created ${result.fileName}` : 'no changes: nothing created');
} finally {
  await orm.close(true);
  await embedded.stop();
  rmSync(scratch, { recursive: true, force: true });
}

const files = readdirSync(sourceDir)
  .filter((file) => /^Migration\d+.*\.ts$/.test(file))
  .sort();
const imports = files
  .map(
    (file, i) => `import { ${className(file)} as M${i} } from './${file.replace(/\.ts$/, '.js')}';`,
  )
  .join('\n');
const list = files
  .map((file, i) => `  { name: '${file.replace(/\.ts$/, '')}', class: M${i} },`)
  .join('\n');
writeFileSync(
  join(sourceDir, 'index.ts'),
  `// Written by \`pnpm migration:create\`: the migrations in the order they apply.
import type { MigrationObject } from '@mikro-orm/core';
${imports}

export const migrationsList: MigrationObject[] = [
${list}
];
`,
);

function className(file: string): string {
  return file.replace(/\.ts$/, '');
}
