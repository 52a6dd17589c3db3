// The queue page three ways: the SPA's exact request to this service, an equivalent PostGraphile
// query over the same tables, and the raw handler's statement; and the check that all three
// return the same rows.
import { Kind, parse, print, visit } from 'graphql';
import { spaOperation } from '../../../admin/spa-operations.js';
import { COMPLAINT_STATUS_VALUES, isOpen } from '../../../packages/domain/dist/index.js';

/** The queue's default filter in the SPA (useComplaintList's DEFAULT_STATUSES): the open cases. */
export const OPEN_STATUSES = COMPLAINT_STATUS_VALUES.filter(isOpen);
/** useComplaintList's PAGE_SIZE. */
export const PAGE_SIZE = 50;

/**
 * The SPA's document as Apollo Client sends it: admin/src/graphql/<file> with its fragments, read
 * now, with the __typename that its InMemoryCache adds to every selection set below the operation.
 */
export function apolloDocument(file) {
  const document = parse(spaOperation(file));
  const withTypename = visit(document, {
    SelectionSet(node, _key, parent) {
      if (parent && parent.kind === Kind.OPERATION_DEFINITION) return undefined;
      if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename')) {
        return undefined;
      }
      return {
        ...node,
        selections: [
          ...node.selections,
          { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } },
        ],
      };
    },
  });
  return print(withTypename);
}

export const SPA_QUEUE_QUERY = apolloDocument('complaint-list.query.graphql');

/** The body the SPA posts for an inspector's first page with the default filters. */
export function serviceQueueBody() {
  return JSON.stringify({
    operationName: 'ComplaintList',
    variables: { filter: { status: [...OPEN_STATUSES] }, first: PAGE_SIZE, after: null },
    query: SPA_QUEUE_QUERY,
  });
}

/**
 * The same page from PostGraphile: same filter, order, size and columns, joins included. In
 * PostGraphile 5, `id` is the global node id and the `id` column is `rowId`.
 */
export const POSTGRAPHILE_QUEUE_QUERY = `query Queue($statuses: [String!], $first: Int) {
  allComplaints(
    first: $first
    orderBy: [RESPONSE_DEADLINE_ASC, ROW_ID_ASC]
    filter: { status: { in: $statuses } }
  ) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        rowId level status incomingNumber responseDeadline
        recipientKind recipientSurname recipientGivenName recipientOrganizationName
        recipientAccessibilityNeeds
        providerByProviderId { rowId nameKk nameRu }
        appUserByAssigneeId { rowId displayName }
      }
    }
  }
}`;

export function postgraphileQueueBody() {
  return JSON.stringify({
    operationName: 'Queue',
    variables: { statuses: [...OPEN_STATUSES], first: PAGE_SIZE },
    query: POSTGRAPHILE_QUEUE_QUERY,
  });
}

export function rawQueueBody() {
  return JSON.stringify({ statuses: [...OPEN_STATUSES], first: PAGE_SIZE });
}

/**
 * The raw handler's one statement: the page (one more row, for hasNextPage), its provider and
 * assignee, and the total, as the JSON text of the answer.
 */
export const RAW_QUEUE_SQL = `
with page as (
  select c.id, c.level, c.status, c.incoming_number, c.response_deadline, c.recipient_kind,
         c.recipient_surname, c.recipient_given_name, c.recipient_organization_name,
         c.recipient_accessibility_needs, c.provider_id, c.assignee_id
  from complaint c
  where c.status = any($1::text[])
  order by c.response_deadline, c.id
  limit $2::int + 1
)
select json_build_object('data', json_build_object('complaints', json_build_object(
  'totalCount', (select count(*) from complaint where status = any($1::text[])),
  'hasNextPage', (select count(*) from page) > $2::int,
  'nodes', coalesce((
    select json_agg(json_build_object(
             'id', p.id, 'level', p.level, 'status', p.status,
             'incomingNumber', p.incoming_number, 'responseDeadline', p.response_deadline,
             'recipient', json_build_object(
               'kind', p.recipient_kind, 'surname', p.recipient_surname,
               'givenName', p.recipient_given_name,
               'organizationName', p.recipient_organization_name,
               'accessibilityNeeds', p.recipient_accessibility_needs),
             'provider', json_build_object('id', pr.id, 'nameKk', pr.name_kk, 'nameRu', pr.name_ru),
             'assignee', case when u.id is not null
                              then json_build_object('id', u.id, 'displayName', u.display_name) end)
           order by p.response_deadline, p.id)
    from (select * from page order by response_deadline, id limit $2::int) p
    join provider pr on pr.id = p.provider_id
    left join app_user u on u.id = p.assignee_id), '[]'::json))))::text as body`;

/** Every target's answer as { totalCount, rows } with the fields compared. */
export const normalize = {
  service(answer) {
    const connection = answer.data.complaints;
    return {
      totalCount: connection.totalCount,
      hasNextPage: connection.pageInfo.hasNextPage,
      rows: connection.edges.map(({ node }) => ({
        id: node.id,
        status: node.status,
        level: node.level,
        incomingNumber: node.registration.incomingNumber,
        responseDeadline: node.registration.responseDeadline,
        surname: node.recipient.surname,
        organizationName: node.recipient.organizationName,
        accessibilityNeeds: node.recipient.accessibilityNeeds,
        provider: node.provider.nameRu,
        assignee: node.assignee?.displayName ?? null,
      })),
    };
  },
  postgraphile(answer) {
    const connection = answer.data.allComplaints;
    return {
      totalCount: connection.totalCount,
      hasNextPage: connection.pageInfo.hasNextPage,
      rows: connection.edges.map(({ node }) => ({
        id: node.rowId,
        status: node.status,
        level: node.level,
        incomingNumber: node.incomingNumber,
        responseDeadline: node.responseDeadline,
        surname: node.recipientSurname,
        organizationName: node.recipientOrganizationName,
        accessibilityNeeds: node.recipientAccessibilityNeeds,
        provider: node.providerByProviderId.nameRu,
        assignee: node.appUserByAssigneeId?.displayName ?? null,
      })),
    };
  },
  raw(answer) {
    const connection = answer.data.complaints;
    return {
      totalCount: Number(connection.totalCount),
      hasNextPage: connection.hasNextPage,
      rows: connection.nodes.map((node) => ({
        id: node.id,
        status: node.status,
        level: node.level,
        incomingNumber: node.incomingNumber,
        responseDeadline: node.responseDeadline,
        surname: node.recipient.surname,
        organizationName: node.recipient.organizationName,
        accessibilityNeeds: node.recipient.accessibilityNeeds,
        provider: node.provider.nameRu,
        assignee: node.assignee?.displayName ?? null,
      })),
    };
  },
};

/** Throws, naming the first difference, unless every page equals the first one. */
export function assertSamePages(pages) {
  const [first, ...others] = Object.entries(pages);
  const [firstName, reference] = first;
  if (reference.rows.length !== PAGE_SIZE) {
    throw new Error(`${firstName} returned ${reference.rows.length} rows, not ${PAGE_SIZE}`);
  }
  for (const [name, page] of others) {
    for (const field of ['totalCount', 'hasNextPage']) {
      if (page[field] !== reference[field]) {
        throw new Error(`${name} ${field} ${page[field]} ≠ ${firstName}'s ${reference[field]}`);
      }
    }
    if (page.rows.length !== reference.rows.length) {
      throw new Error(
        `${name}: ${page.rows.length} rows ≠ ${firstName}'s ${reference.rows.length}`,
      );
    }
    page.rows.forEach((row, i) => {
      const expected = reference.rows[i];
      for (const key of Object.keys(expected)) {
        if (JSON.stringify(row[key]) !== JSON.stringify(expected[key])) {
          throw new Error(
            `${name} row ${i + 1} ${key}: ${JSON.stringify(row[key])} ≠ ${firstName}'s ` +
              `${JSON.stringify(expected[key])}`,
          );
        }
      }
    });
  }
}
