import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messageFor } from '@complaints/domain';
import { FILE_COMPLAINT, complaintInput, startApiWorld, type ApiWorld } from '../support/api.js';
import { legalEntityComplaint } from '../support/factories.js';

let world: ApiWorld;
const statements: { sql: string; params: readonly unknown[] }[] = [];
const filed: Record<'ivanov' | 'entity' | 'other', { id: string; incomingNumber: string }> = {
  ivanov: { id: '', incomingNumber: '' },
  entity: { id: '', incomingNumber: '' },
  other: { id: '', incomingNumber: '' },
};

beforeAll(async () => {
  world = await startApiWorld({}, { onQuery: (sql, params) => statements.push({ sql, params }) });
  const officer = await world.as('officer');
  const file = async (input: object) => {
    const result = await officer.request<{
      fileComplaint: { complaint: { id: string; registration: { incomingNumber: string } } };
    }>(FILE_COMPLAINT, { input });
    const complaint = result.data!.fileComplaint.complaint;
    return { id: complaint.id, incomingNumber: complaint.registration.incomingNumber };
  };
  const base = complaintInput(world.providers.astana.id);
  filed.ivanov = await file({
    ...base,
    description: 'Паспорт не выдали вовремя, окно №7',
    recipient: { ...base.recipient, surname: 'Иванов', givenName: 'Пётр' },
  });
  filed.entity = await file(legalEntityComplaint(world.providers.astana.id));
  filed.other = await file({
    ...base,
    description: 'Другое обращение',
    recipient: { ...base.recipient, surname: 'Петрова', givenName: 'Анна' },
  });
}, 120_000);

afterAll(async () => {
  await world?.stop();
});

const SEARCH = `query($search: String) { complaints(filter: { search: $search }) { totalCount edges { node { id } } } }`;

async function found(search: string): Promise<string[]> {
  const inspector = await world.as('inspector');
  const result = await inspector.request<{ complaints: { edges: { node: { id: string } }[] } }>(
    SEARCH,
    { search },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.complaints.edges.map((e) => e.node.id).sort();
}

describe('the queue search', () => {
  it('Search: the incoming number, its tail and its prefix find the complaint', async () => {
    const number = filed.ivanov.incomingNumber;
    expect(number).toMatch(/^[A-Z]+-\d{4}-\d+$/);
    expect(await found(number)).toEqual([filed.ivanov.id]);
    expect(await found(number.toLowerCase())).toEqual([filed.ivanov.id]);
    expect(await found(number.split('-').at(-1)!)).toEqual([filed.ivanov.id]);
    expect(await found(number.split('-').slice(1).join('-'))).toEqual([filed.ivanov.id]);
    expect(await found(number.slice(0, -1))).toEqual(
      [filed.ivanov.id, filed.entity.id, filed.other.id].sort(),
    );
  });

  it('Search: a surname in Cyrillic in another case, and its prefix, find the complaint', async () => {
    expect(await found('иванов')).toEqual([filed.ivanov.id]);
    expect(await found('ИВАНОВ')).toEqual([filed.ivanov.id]);
    expect(await found('Иван')).toEqual([filed.ivanov.id]);
    expect(await found('пётр иванов')).toEqual([filed.ivanov.id]);
  });

  it('Search: an organisation name (Kazakh letters) and a word of the description find the complaint', async () => {
    expect(await found('алтын')).toEqual([filed.entity.id]);
    expect(await found('ДӘН')).toEqual([filed.entity.id]);
    expect(await found('паспорт')).toEqual([filed.ivanov.id]);
    expect(await found('вовремя иванов')).toEqual([filed.ivanov.id]);
    // Every word must match: a word of another complaint narrows to nothing.
    expect(await found('иванов петрова')).toEqual([]);
  });

  it('Security: tsquery syntax in a search is only text (no error, no widening)', async () => {
    expect(await found(`иванов' | 'петрова`)).toEqual([]);
    expect(await found(`иванов:* | !петрова & (`)).toEqual([]);
    expect(await found(`\\'):*|`)).toHaveLength(3);
  });

  it('Security: a 100,000-character search is refused as BAD_USER_INPUT before it runs, in the reader’s language', async () => {
    const inspector = await world.as('inspector');
    const huge = await inspector.request(SEARCH, { search: 'a'.repeat(100_000) });
    expect(huge.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { 'filter.search': expect.any(String) },
    });
    expect(huge.data ?? null).toBeNull();
    const over = await inspector.request(
      SEARCH,
      { search: 'а'.repeat(101) },
      { 'accept-language': 'ru' },
    );
    expect(over.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: {
        'filter.search': messageFor(
          { field: 'filter.search', key: 'tooLong', params: { max: 100 } },
          'ru',
        ),
      },
    });
    expect(await found('а'.repeat(100))).toEqual([]);
  });

  it('Performance: the search is served by the GIN index complaint_search_idx', async () => {
    statements.length = 0;
    expect(await found('иванов паспорт')).toEqual([filed.ivanov.id]);
    // The page and its total are one prepared statement; explained with the values it was sent.
    const page = statements.find(({ sql }) => sql.includes('to_tsvector'));
    expect(page).toBeDefined();
    const pool = await world.app.orm.em.getConnection().getNativeClient();
    const connection = await pool.connect();
    let plan: { 'QUERY PLAN': string }[];
    try {
      await connection.query('begin');
      await connection.query('set local enable_seqscan = off');
      plan = (await connection.query(`explain ${page!.sql}`, [...page!.params])).rows;
      await connection.query('rollback');
    } finally {
      connection.release();
    }
    expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toMatch(
      /Index Scan on complaint_search_idx/,
    );
  });
});
