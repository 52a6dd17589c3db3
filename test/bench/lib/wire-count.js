// Counts what a client sends to PostgreSQL, from the wire: a TCP proxy that reads the frontend
// messages. Exact where pg_stat_statements cannot be: it tells a statement executed through a
// named prepared statement (Bind to a name parsed once) from one parsed, planned and executed
// anew, and BEGIN/COMMIT from the rest.
import net from 'node:net';

const TRANSACTION_CONTROL =
  /^\s*(begin|start\s+transaction|commit|end|rollback|savepoint|release)\b/i;

function emptyCounts() {
  return {
    /** Statements run, BEGIN/COMMIT/ROLLBACK/SAVEPOINT not included. */
    statements: 0,
    /** BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE. */
    transactionControl: 0,
    /** Of `statements`: executed through a named prepared statement. */
    prepared: 0,
    /** Of `statements`: simple-protocol queries (values inlined in the text). */
    simple: 0,
    /** Parse messages (each one a parse and plan on the server). */
    parses: 0,
    /** Statement texts and how often each ran. */
    texts: new Map(),
  };
}

export async function startCountingProxy(databaseUrl) {
  const upstream = new URL(databaseUrl);
  const host = upstream.hostname;
  const port = Number(upstream.port || 5432);
  let counts = emptyCounts();
  const sockets = new Set();

  function record(text, named) {
    if (TRANSACTION_CONTROL.test(text)) {
      counts.transactionControl += 1;
      return;
    }
    counts.statements += 1;
    if (named === true) counts.prepared += 1;
    if (named === null) counts.simple += 1;
    const key = text.replace(/\s+/g, ' ').trim();
    counts.texts.set(key, (counts.texts.get(key) ?? 0) + 1);
  }

  const server = net.createServer((client) => {
    const server = net.connect(port, host);
    sockets.add(client).add(server);
    client.on('close', () => sockets.delete(client));
    server.on('close', () => sockets.delete(server));
    client.on('error', () => server.destroy());
    server.on('error', () => client.destroy());
    server.pipe(client);

    // Per connection: named statements' texts, the unnamed one, and the statement last bound.
    const statements = new Map();
    let unnamed = '';
    let bound = { text: '', named: false };
    let startup = true;
    let buffer = Buffer.alloc(0);
    client.on('data', (chunk) => {
      server.write(chunk);
      buffer = buffer.length ? Buffer.concat([buffer, chunk]) : chunk;
      for (;;) {
        if (startup) {
          // Untyped: SSLRequest / GSSENCRequest / StartupMessage, then typed messages.
          if (buffer.length < 8) break;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) break;
          const code = buffer.readInt32BE(4);
          if (code === 196608) startup = false;
          buffer = buffer.subarray(length);
          continue;
        }
        if (buffer.length < 5) break;
        const type = String.fromCharCode(buffer[0]);
        const length = buffer.readInt32BE(1);
        if (buffer.length < 1 + length) break;
        const body = buffer.subarray(5, 1 + length);
        buffer = buffer.subarray(1 + length);
        if (type === 'Q') {
          record(body.toString('utf8', 0, body.indexOf(0)), null);
        } else if (type === 'P') {
          counts.parses += 1;
          const nameEnd = body.indexOf(0);
          const name = body.toString('utf8', 0, nameEnd);
          const text = body.toString('utf8', nameEnd + 1, body.indexOf(0, nameEnd + 1));
          if (name) statements.set(name, text);
          else unnamed = text;
        } else if (type === 'B') {
          const portalEnd = body.indexOf(0);
          const name = body.toString('utf8', portalEnd + 1, body.indexOf(0, portalEnd + 1));
          bound = name
            ? { text: statements.get(name) ?? '', named: true }
            : { text: unnamed, named: false };
        } else if (type === 'E') {
          record(bound.text, bound.named);
        }
      }
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(server.address().port);
  return {
    url: url.toString(),
    reset() {
      counts = emptyCounts();
    },
    counts: () => counts,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
