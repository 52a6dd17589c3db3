// The one place that knows what a bulk load owes the rest of the schema.
//
// Derived tables (the metrics' rollups, say) are kept by triggers that other migrations define.
// When a migration also defines a function that rebuilds them from scratch (a function in the
// public schema named refresh_…_rollup(s) or rebuild_…_rollup(s), taking no argument), the load
// runs with the user triggers of the tables it fills disabled (per-row upkeep of a million rows
// is far slower than one rebuild), then enables them again and calls each such function once.
// Without such a function the triggers stay enabled and fire for every generated row.
// BENCH_AFTER_LOAD_SQL, if set, is run last (e.g. `select my_refresh()`).
// The metrics check (lib/metrics.js) compares the answers with a recomputation from the
// complaints: a derived table the load left stale fails loudly there.
import { log } from './util.js';

/** The tables the generator fills. */
export const LOADED_TABLES = [
  'authority',
  'provider',
  'public_service',
  'app_user',
  'complaint',
  'complaint_event',
  'notice',
  'incoming_number_counter',
];

async function rebuildFunctions(client) {
  const { rows } = await client.query(
    `select p.proname as name
     from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'public' and p.pronargs = 0
       and p.proname ~ '^(refresh|rebuild)_.*rollups?$'
     order by 1`,
  );
  return rows.map((r) => r.name);
}

async function userTriggers(client) {
  const { rows } = await client.query(
    `select c.relname as table, t.tgname as name
     from pg_trigger t join pg_class c on c.oid = t.tgrelid
     join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and c.relname = any($1) and not t.tgisinternal
     order by 1, 2`,
    [LOADED_TABLES],
  );
  return rows;
}

/** Before the first row: disables the user triggers when a rebuild will replace their work. */
export async function beforeBulkLoad(client) {
  const functions = await rebuildFunctions(client);
  const triggers = await userTriggers(client);
  if (functions.length === 0 || triggers.length === 0) {
    if (triggers.length > 0) {
      log(`  triggers fire during the load: ${triggers.map((t) => t.name).join(', ')}`);
    }
    return { disabled: [] };
  }
  const tables = [...new Set(triggers.map((t) => t.table))];
  for (const table of tables) {
    await client.query(`alter table ${client.escapeIdentifier(table)} disable trigger user`);
  }
  log(
    `  user triggers off for the load (${triggers.map((t) => t.name).join(', ')}); ` +
      `rebuilt after it by ${functions.map((f) => `${f}()`).join(', ')}`,
  );
  return { disabled: tables };
}

/** After the last row: triggers back on, derived tables rebuilt, BENCH_AFTER_LOAD_SQL run. */
export async function afterBulkLoad(client, { disabled }) {
  for (const table of disabled) {
    await client.query(`alter table ${client.escapeIdentifier(table)} enable trigger user`);
  }
  for (const name of await rebuildFunctions(client)) {
    const started = Date.now();
    await client.query(`select public.${client.escapeIdentifier(name)}()`);
    log(`  after the load: ${name}() in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const extra = process.env.BENCH_AFTER_LOAD_SQL;
  if (extra) {
    const started = Date.now();
    await client.query(extra);
    log(
      `  after the load: BENCH_AFTER_LOAD_SQL in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
}
