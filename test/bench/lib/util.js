// Small helpers shared by the benchmark's modules.

/** Progress on stderr, so that stdout carries only the results. */
export function log(message) {
  process.stderr.write(`${message}\n`);
}

/** Today in Asia/Almaty (UTC+5), as the server's almatyDate() gives it. */
export function almatyToday(now = new Date()) {
  return new Date(now.getTime() + 5 * 3_600_000).toISOString().slice(0, 10);
}

export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** POSTs a GraphQL body; throws on HTTP errors, returns the parsed answer (errors included). */
export async function graphql(url, { query, variables, token, headers = {} }) {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  if (!response.ok && !text.startsWith('{')) {
    throw new Error(`${url}: HTTP ${response.status}: ${text.slice(0, 300)}`);
  }
  return JSON.parse(text);
}

/** The data of a GraphQL answer, or an error naming what failed. */
export function dataOf(answer, what) {
  if (answer.errors?.length) {
    throw new Error(`${what}: ${JSON.stringify(answer.errors).slice(0, 800)}`);
  }
  return answer.data;
}

/** Logs in through the API (as the SPA does) and returns the token. */
export async function login(url, email, password) {
  const answer = await graphql(url, {
    query:
      'mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    variables: { email, password },
  });
  return dataOf(answer, `login ${email}`).login.token;
}
