// `pnpm schema:print`: writes the subgraph SDL the server serves to schema/complaints.graphql.
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, repositoryRoot } from '../config.js';
import { createServices } from '../services.js';
import { createResolvers } from './resolvers.js';
import { buildComplaintsSchema, printServedSchema } from './schema.js';

const resolvers = createResolvers(createServices(loadConfig({})));
const schema = await buildComplaintsSchema(
  resolvers.classes,
  resolvers.container,
  resolvers.referenceResolvers,
);
const target = join(repositoryRoot, 'schema/complaints.graphql');
writeFileSync(target, await printServedSchema(schema));
console.log(`wrote ${target}`);
