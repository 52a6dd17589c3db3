// BENCH_SOAK_MINUTES: a mixed load on a throwaway copy — the queue (inspector), a case by id with
// its history, notices and consents (inspector), filings (officers) and metrics (analyst) — with
// the service's memory every 30 s and the errors counted (a missing consent's CONSENT_REQUIRED on
// a protected field is the rule working, not an error).
import autocannon from 'autocannon';
import { withClient } from './database.js';
import { officerEmail } from './generate.js';
import { apolloDocument, serviceQueueBody } from './queue.js';
import { log, login } from './util.js';

const CASE = apolloDocument('complaint.query.graphql');
const METRICS = apolloDocument('compliance-metrics.query.graphql');
const FILE = apolloDocument('file-complaint.mutation.graphql');

function acceptable(body) {
  if (!body.startsWith('{')) return false;
  if (!body.includes('"errors"')) return true;
  try {
    return JSON.parse(body).errors.every((e) => e.extensions?.code === 'CONSENT_REQUIRED');
  } catch {
    return false;
  }
}

export async function soak({ service, databaseUrl, minutes, connections, password, users, year }) {
  const inspector = await login(service.url, users.inspector.email, password);
  const analyst = await login(service.url, users.analyst.email, password);
  const { rows: ids } = await withClient(databaseUrl, (client) =>
    client.query(`select id from complaint tablesample system (1) limit 2000`),
  );
  const { rows: offices } = await withClient(databaseUrl, (client) =>
    client.query(`select email, provider_id from app_user where email = any($1) order by email`, [
      Array.from({ length: 16 }, (_, i) => officerEmail(1 + i * 24)),
    ]),
  );
  for (const office of offices) office.token = await login(service.url, office.email, password);

  const queue = serviceQueueBody();
  let n = 0;
  const kinds = { queue: 0, case: 0, filing: 0, metrics: 0 };
  const setupRequest = (request) => {
    n += 1;
    const draw = Math.random();
    const headers = {
      ...request.headers,
      'content-type': 'application/json',
      'accept-language': 'ru',
    };
    if (draw < 0.6) {
      kinds.queue += 1;
      return {
        ...request,
        headers: { ...headers, authorization: `Bearer ${inspector}` },
        body: queue,
      };
    }
    if (draw < 0.85) {
      kinds.case += 1;
      const id = ids[n % ids.length].id;
      return {
        ...request,
        headers: { ...headers, authorization: `Bearer ${inspector}` },
        body: JSON.stringify({ operationName: 'Complaint', variables: { id }, query: CASE }),
      };
    }
    if (draw < 0.97) {
      kinds.filing += 1;
      const office = offices[n % offices.length];
      return {
        ...request,
        headers: { ...headers, authorization: `Bearer ${office.token}` },
        body: JSON.stringify({
          operationName: 'FileComplaint',
          variables: {
            input: {
              providerId: office.provider_id,
              subject: 'INACTION',
              description: `Жауап берілмеді (${n}).`,
              channel: 'PAPER',
              signature: 'HANDWRITTEN',
              recipient: {
                kind: 'INDIVIDUAL',
                surname: 'Оспанов',
                givenName: 'Арман',
                postalAddress: 'Алматы қ., Абай даңғылы, 1, 1-пәтер',
              },
            },
          },
          query: FILE,
        }),
      };
    }
    kinds.metrics += 1;
    return {
      ...request,
      headers: { ...headers, authorization: `Bearer ${analyst}` },
      body: JSON.stringify({
        operationName: 'ComplianceMetrics',
        variables: { filter: { from: `${year}-01-01`, to: `${year}-12-31` }, groupBy: 'PROVIDER' },
        query: METRICS,
      }),
    };
  };

  const samples = [];
  const started = Date.now();
  const sample = async () => {
    const stats = await service.stats();
    const point = {
      minute: (Date.now() - started) / 60_000,
      rssMb: stats.rss / 1048576,
      heapMb: stats.heap / 1048576,
    };
    samples.push(point);
    log(
      `  soak ${point.minute.toFixed(1)} min: RSS ${point.rssMb.toFixed(0)} MB, heap ` +
        `${point.heapMb.toFixed(0)} MB`,
    );
  };
  await sample();
  const timer = setInterval(() => void sample(), 30_000);
  const result = await new Promise((resolve, reject) => {
    autocannon(
      {
        url: service.url,
        method: 'POST',
        connections,
        duration: minutes * 60,
        timeout: 30,
        verifyBody: acceptable,
        requests: [{ setupRequest }],
      },
      (error, value) => (error ? reject(error) : resolve(value)),
    );
  });
  clearInterval(timer);
  await sample();
  return {
    minutes,
    requests: result.requests.total,
    rps: result.requests.total / result.duration,
    p99: result.latency.p99,
    kinds,
    errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
    detail: {
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      graphqlErrors: result.mismatches,
    },
    samples,
  };
}
