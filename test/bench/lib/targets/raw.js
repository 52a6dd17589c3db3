// The lower limit: node:http and one prepared statement of `pg`, no GraphQL, no token check.
import { createServer } from 'node:http';
import pg from 'pg';
import { RAW_QUEUE_SQL } from '../queue.js';

export async function start({ databaseUrl, poolSize }) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      let statuses;
      let first;
      try {
        ({ statuses, first } = JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        res.writeHead(400).end();
        return;
      }
      pool
        .query({ name: 'queue_page', text: RAW_QUEUE_SQL, values: [statuses, first] })
        .then(({ rows }) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(rows[0].body);
        })
        .catch((error) => {
          res.writeHead(500, { 'content-type': 'text/plain' });
          res.end(String(error));
        });
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/queue`,
    async stop() {
      server.close();
      server.closeAllConnections();
      await pool.end();
    },
  };
}
