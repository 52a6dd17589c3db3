import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { composeServices } from '@apollo/composition';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema, type GraphQLResolverMap } from '@apollo/subgraph';
import { gql } from 'graphql-tag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FILE_COMPLAINT,
  PASSWORD,
  complaintInput,
  graphqlRequest,
  startApiWorld,
  type ApiWorld,
  type GraphQLResponse,
} from '../../server/test/support/api.js';

/**
 * O4: the complaints subgraph in a federated graph. A partner (the e-government portal) adds
 * fields of its own to `Provider` and `Complaint` and hands out `Complaint` references; a real
 * `@apollo/gateway` composes both from SDL and forwards the caller's token to every subgraph.
 */

const printedPath = fileURLToPath(new URL('../../schema/complaints.graphql', import.meta.url));

/** The portal's subgraph: what it knows about providers and complaints, keyed by their ids. */
const PORTAL_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])

  type Query {
    "Notices the portal shows on its front page."
    portalNotices: [String!]!
    "The complaint a portal thread is about: a reference the complaints subgraph resolves."
    portalComplaint(id: ID!): Complaint
  }

  type Provider @key(fields: "id") {
    id: ID!
    "The citizens' rating of the provider on the portal, 1 to 5."
    portalRating: Float
  }

  type Complaint @key(fields: "id") {
    id: ID!
    "The portal's discussion thread of the complaint."
    portalThreadUrl: String
  }
`;

const NOTICES = ['Порталда техникалық жұмыстар 02:00–04:00'];
const threadUrl = (complaintId: string) => `https://egov.kz/portal/threads/${complaintId}`;

type GatewayContext = { authorization?: string };

interface Running {
  url: string;
  stop(): Promise<void>;
}

let world: ApiWorld;
let portal: Running & { ratings: Map<string, number>; seen: { typename: string; id: string }[] };
let gateway: Running & { supergraphSdl: string };

async function startPortal(): Promise<typeof portal> {
  const ratings = new Map<string, number>();
  const seen: { typename: string; id: string }[] = [];
  const resolvers: GraphQLResolverMap<GatewayContext> = {
    Query: {
      portalNotices: () => NOTICES,
      portalComplaint: (_: unknown, { id }: { id: string }) => ({ id }),
    },
    Provider: {
      __resolveReference: ({ id }: { id: string }) => {
        seen.push({ typename: 'Provider', id });
        return { id, portalRating: ratings.get(id) ?? null };
      },
    },
    Complaint: {
      __resolveReference: ({ id }: { id: string }) => {
        seen.push({ typename: 'Complaint', id });
        return { id };
      },
      portalThreadUrl: ({ id }: { id: string }) => threadUrl(id),
    },
  };
  const server = new ApolloServer({
    schema: buildSubgraphSchema([{ typeDefs: gql(PORTAL_SDL), resolvers }]),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  const { url } = await startStandaloneServer(server, { listen: { port: 0, host: '127.0.0.1' } });
  return { url, ratings, seen, stop: () => server.stop() };
}

async function startGateway(
  subgraphs: { name: string; url: string; sdl: string }[],
): Promise<typeof gateway> {
  const composed = composeServices(
    subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: gql(sdl) })),
  );
  if (composed.errors) {
    throw new Error(`composition failed:\n${composed.errors.map((e) => e.message).join('\n')}`);
  }
  const { supergraphSdl } = composed;
  const server = new ApolloServer<GatewayContext>({
    gateway: new ApolloGateway({
      supergraphSdl,
      buildService: ({ url }) =>
        new RemoteGraphQLDataSource<GatewayContext>({
          url,
          // The caller's token goes to every subgraph: each one applies its own access rules.
          willSendRequest(options) {
            // Only an incoming operation has the caller's context (not health checks).
            if (!('incomingRequestContext' in options)) return;
            const { authorization } = options.context;
            if (authorization) options.request.http?.headers.set('authorization', authorization);
          },
        }),
    }),
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: 0, host: '127.0.0.1' },
    context: ({ req }) => Promise.resolve({ authorization: req.headers.authorization }),
  });
  return { url: url.replace(/\/$/, ''), supergraphSdl, stop: () => server.stop() };
}

/** The gateway's answer: the harness's response plus the gateway's own `extensions`. */
type GatewayResponse<T> = GraphQLResponse<T> & { extensions?: Record<string, unknown> };

/** A request to the gateway (the harness's client appends `/graphql`). */
function viaGateway<T>(
  token: string | null,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GatewayResponse<T>> {
  return graphqlRequest<T>(gateway.url, token, query, variables);
}

async function loginViaGateway(user: 'officer' | 'officer2'): Promise<string> {
  const result = await viaGateway<{ login: { token: string } }>(
    null,
    'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    { email: world.users[user].email, password: PASSWORD },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.login.token;
}

beforeAll(async () => {
  world = await startApiWorld();
  portal = await startPortal();
  gateway = await startGateway([
    { name: 'complaints', url: `${world.url}/graphql`, sdl: readFileSync(printedPath, 'utf8') },
    { name: 'portal', url: portal.url, sdl: PORTAL_SDL },
  ]);
});

afterAll(async () => {
  await gateway?.stop();
  await portal?.stop();
  await world?.stop();
});

const CROSSING = `query Crossing($id: ID!) {
  complaint(id: $id) {
    id
    registration { incomingNumber }
    provider { nameRu portalRating }
    portalThreadUrl
  }
}`;

const PORTAL_COMPLAINT = `query PortalComplaint($id: ID!) {
  portalComplaint(id: $id) { id status registration { incomingNumber } portalThreadUrl }
}`;

interface Crossing {
  complaint: {
    id: string;
    registration: { incomingNumber: string };
    provider: { nameRu: string; portalRating: number | null };
    portalThreadUrl: string | null;
  } | null;
}

interface Filed {
  fileComplaint: { complaint: { id: string; registration: { incomingNumber: string } } };
}

/** Files a complaint against the first provider, as its officer, through the gateway. */
async function fileViaGateway(officerToken: string) {
  const filed = await viaGateway<Filed>(officerToken, FILE_COMPLAINT, {
    input: complaintInput(world.providers.astana.id),
  });
  expect(filed.errors).toBeUndefined();
  return filed.data!.fileComplaint.complaint;
}

describe('the complaints subgraph behind a gateway', () => {
  it('O4: a partner subgraph composes with the complaints subgraph and a query crosses both', async () => {
    // Composed from the printed SDL on disk: both subgraphs are in the supergraph.
    expect(gateway.supergraphSdl).toMatch(/COMPLAINTS @join__graph\(name: "complaints"/);
    expect(gateway.supergraphSdl).toMatch(/PORTAL @join__graph\(name: "portal"/);
    portal.ratings.set(world.providers.astana.id, 4.5);

    const officer = await loginViaGateway('officer');
    const filed = await fileViaGateway(officer);
    expect(filed.registration.incomingNumber).toMatch(/^PA-\d{4}-\d{5}$/);

    portal.seen.length = 0;
    const read = await viaGateway<Crossing>(officer, CROSSING, { id: filed.id });
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({
      complaint: {
        id: filed.id,
        registration: { incomingNumber: filed.registration.incomingNumber },
        provider: { nameRu: world.providers.astana.nameRu, portalRating: 4.5 },
        portalThreadUrl: threadUrl(filed.id),
      },
    });
    // The portal was asked by reference, with the ids the complaints subgraph gave.
    expect(portal.seen).toEqual(
      expect.arrayContaining([
        { typename: 'Provider', id: world.providers.astana.id },
        { typename: 'Complaint', id: filed.id },
      ]),
    );

    // The partner's own root field and the complaints subgraph's, in one operation.
    const both = await viaGateway<{ portalNotices: string[]; providers: { id: string }[] }>(
      officer,
      '{ portalNotices providers { id } }',
    );
    expect(both.errors).toBeUndefined();
    expect(both.data?.portalNotices).toEqual(NOTICES);
    expect(both.data?.providers.map((p) => p.id)).toContain(world.providers.astana.id);
  });

  it("O4: through the gateway, another provider's officer reads the complaint as null", async () => {
    const officer = await loginViaGateway('officer');
    const filed = await fileViaGateway(officer);
    const officer2 = await loginViaGateway('officer2');

    const read = await viaGateway<Crossing>(officer2, CROSSING, { id: filed.id });
    expect(read.errors).toBeUndefined();
    expect(read.data).toEqual({ complaint: null });

    // Without a token the complaints subgraph refuses, and the gateway passes its code on.
    const anonymous = await viaGateway<Crossing>(null, CROSSING, { id: filed.id });
    expect(anonymous.data?.complaint ?? null).toBeNull();
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('O4: Complaint references from the partner resolve under the same access rules', async () => {
    const officer = await loginViaGateway('officer');
    const filed = await fileViaGateway(officer);
    const officer2 = await loginViaGateway('officer2');

    const own = await viaGateway<{ portalComplaint: Record<string, unknown> | null }>(
      officer,
      PORTAL_COMPLAINT,
      { id: filed.id },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data).toEqual({
      portalComplaint: {
        id: filed.id,
        status: 'REGISTERED',
        registration: { incomingNumber: filed.registration.incomingNumber },
        portalThreadUrl: threadUrl(filed.id),
      },
    });

    const other = await viaGateway<{ portalComplaint: Record<string, unknown> | null }>(
      officer2,
      PORTAL_COMPLAINT,
      { id: filed.id },
    );
    // The complaints subgraph answers the reference with null; `status` is non-null, so the
    // gateway nulls the whole complaint and says why in `extensions.valueCompletion`.
    expect(other.errors).toBeUndefined();
    expect(other.data).toEqual({ portalComplaint: null });
    expect(other.extensions?.valueCompletion).toEqual([
      expect.objectContaining({ path: ['portalComplaint', 'status'] }),
    ]);

    // The same, asked of the complaints subgraph directly, as the gateway asks it.
    const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Complaint { id status } } }`;
    const representations = [{ __typename: 'Complaint', id: filed.id }];
    const asOwner = await graphqlRequest<{ _entities: unknown[] }>(world.url, officer, ENTITIES, {
      r: representations,
    });
    expect(asOwner.data).toEqual({ _entities: [{ id: filed.id, status: 'REGISTERED' }] });
    const asOther = await graphqlRequest<{ _entities: unknown[] }>(world.url, officer2, ENTITIES, {
      r: representations,
    });
    expect(asOther.errors).toBeUndefined();
    expect(asOther.data).toEqual({ _entities: [null] });
  });
});
