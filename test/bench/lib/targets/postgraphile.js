// PostGraphile 5 over the same tables (schema public), on node:http through grafserv, with the
// connection filter plugin for "status in (…)". No mutations and no functions: only table reads
// are compared.
import { createServer } from 'node:http';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { jsonPgSmartTags } from 'postgraphile/utils';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';

export async function start({ databaseUrl, poolSize }) {
  const preset = {
    extends: [PostGraphileAmberPreset, PostGraphileConnectionFilterPreset],
    // No functions either: the queue reads tables, and a function named like a table (other
    // migrations' rollup helpers) would stop PostGraphile from building its schema at all.
    disablePlugins: [
      'PgMutationCreatePlugin',
      'PgMutationUpdateDeletePlugin',
      'PgProceduresPlugin',
    ],
    plugins: [
      // The unique self-reference parent_id gives two fields the same name on Complaint: the
      // escalation (the child, seen from its parent) gets its own, as the old benchmark did.
      jsonPgSmartTags({
        version: 1,
        config: {
          constraint: {
            complaint_parent_id_foreign: { tags: { foreignSingleFieldName: 'escalation' } },
          },
        },
      }),
    ],
    pgServices: [
      makePgService({
        connectionString: databaseUrl,
        schemas: ['public'],
        poolConfig: { max: poolSize },
      }),
    ],
    grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false },
    grafast: { explain: false },
    schema: {
      // The operators a queue needs; the plugin's README advises restricting them.
      connectionFilterAllowedOperators: ['equalTo', 'in', 'lessThan', 'greaterThan', 'isNull'],
      connectionFilterComputedColumns: false,
      connectionFilterSetofFunctions: false,
      connectionFilterArrays: false,
    },
  };
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const server = createServer();
  serv.addTo(server);
  await pgl.getSchema();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}/graphql`,
    async stop() {
      server.close();
      server.closeAllConnections();
      await serv.release();
      await pgl.release();
    },
  };
}
