// autocannon, with what the tables need: requests per second over the whole run, latencies,
// failures (HTTP errors, timeouts and GraphQL errors), and the target's CPU time per request.
import autocannon from 'autocannon';

/** A GraphQL answer without errors (a 200 with `errors` is a failure too). */
export function graphqlOk(body) {
  return typeof body === 'string' && body.startsWith('{"data"') && !body.includes('"errors"');
}

/**
 * Runs one load: `body`/`headers` for every request, or `setupRequest(request)` to vary them.
 * Returns req/s, p50/p99 (ms), the failures, and the target's CPU ms per request when `target`
 * (a started target) is given.
 */
export async function runLoad({
  url,
  body,
  headers,
  setupRequest,
  connections,
  seconds,
  verify = graphqlOk,
  target,
}) {
  const before = target ? await target.stats() : null;
  const result = await new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
        connections,
        duration: seconds,
        timeout: 30,
        verifyBody: verify,
        ...(setupRequest ? { requests: [{ setupRequest }] } : {}),
      },
      (error, value) => (error ? reject(error) : resolve(value)),
    );
  });
  const after = target ? await target.stats() : null;
  const completed = result.requests.total;
  return {
    requests: completed,
    rps: completed / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    failures: result.errors + result.timeouts + result.non2xx + result.mismatches,
    detail: {
      errors: result.errors,
      timeouts: result.timeouts,
      non2xx: result.non2xx,
      graphqlErrors: result.mismatches,
    },
    cpuMsPerRequest:
      before && after && completed > 0
        ? (after.cpuMicros - before.cpuMicros) / 1000 / completed
        : null,
    rss: after?.rss ?? null,
  };
}
