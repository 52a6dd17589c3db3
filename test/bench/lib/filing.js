// fileComplaint under load, on a throwaway copy of the dataset: 32 connections spread over many
// offices (one officer, token and provider per office, rotated request by request), then all on
// one office; afterwards incoming numbers must be unique and gapless per office and year (the
// counters agree with the rows) and the audit chain must verify through the API.
import { withClient } from './database.js';
import { officerEmail } from './generate.js';
import { runLoad } from './load.js';
import { apolloDocument } from './queue.js';
import { countStatements } from './statements.js';
import { dataOf, graphql, login } from './util.js';

const MUTATION = apolloDocument('file-complaint.mutation.graphql');
const VERIFY = apolloDocument('verify-audit-log.query.graphql');

/** What an officer registers at the counter: a paper complaint against its own office. */
function filingBody(providerId, n) {
  return JSON.stringify({
    operationName: 'FileComplaint',
    variables: {
      input: {
        providerId,
        publicServiceCode: '00102001',
        official: null,
        subject: 'ACTION',
        description: `Оператор ЦОН потребовал документы, не предусмотренные стандартом услуги (${n}).`,
        channel: 'PAPER',
        signature: 'HANDWRITTEN',
        recipient: {
          kind: 'INDIVIDUAL',
          surname: 'Ахметова',
          givenName: 'Айгүл',
          patronymic: 'Серікқызы',
          postalAddress: 'Астана қ., Абай даңғылы, 10, 5-пәтер',
          accessibilityNeeds: [],
        },
      },
    },
    query: MUTATION,
  });
}

/** `count` officers of offices spread evenly over the provider list, logged in. */
async function officers(url, databaseUrl, count, password) {
  const { rows } = await withClient(databaseUrl, (client) =>
    client.query(
      `select u.email, u.provider_id from app_user u
       where u.role = 'PROVIDER_OFFICER' and u.email = any($1) order by u.email`,
      [Array.from({ length: count }, (_, i) => officerEmail(1 + Math.floor((i * 386) / count)))],
    ),
  );
  const result = [];
  for (const row of rows) {
    result.push({ ...row, token: await login(url, row.email, password) });
  }
  return result;
}

/** Requests that go round the officers, each with its own token and office. */
function rotating(officerList) {
  let next = 0;
  return (request) => {
    const officer = officerList[next % officerList.length];
    next += 1;
    return {
      ...request,
      headers: {
        ...request.headers,
        'content-type': 'application/json',
        authorization: `Bearer ${officer.token}`,
      },
      body: filingBody(officer.provider_id, next),
    };
  };
}

/** The rules that must survive the load, as numbers; `problems` lists what failed. */
async function check(url, databaseUrl, supervisorToken) {
  const numbers = await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query(
      `with per_office as (
         select office_code, extract(year from registered_on)::int as year, count(*)::int as n,
                count(distinct incoming_number)::int as distinct_numbers,
                min(substring(incoming_number from '-(\\d+)$')::int) as low,
                max(substring(incoming_number from '-(\\d+)$')::int) as high
         from complaint group by 1, 2)
       select count(*)::int as offices,
              count(*) filter (where k.last_value is distinct from o.n or o.high <> o.n
                                 or o.low <> 1 or o.distinct_numbers <> o.n)::int as broken,
              (select count(*)::int from incoming_number_counter k2
               where not exists (select 1 from per_office o2
                                 where o2.office_code = k2.office_code and o2.year = k2.year))
                as counters_without_rows
       from per_office o
       left join incoming_number_counter k on k.office_code = o.office_code and k.year = o.year`,
    );
    const { rows: audit } = await client.query(
      `select count(*)::int as records,
              count(*) filter (where action = 'complaint.file')::int as filings
       from audit_record`,
    );
    return { ...rows[0], ...audit[0] };
  });
  const verification = dataOf(
    await graphql(url, { query: VERIFY, token: supervisorToken }),
    'verifyAuditLog',
  ).verifyAuditLog;
  const problems = [];
  if (numbers.broken > 0 || numbers.counters_without_rows > 0) {
    problems.push(
      `incoming numbers: ${numbers.broken} office-years with gaps, duplicates or a counter that ` +
        `disagrees; ${numbers.counters_without_rows} counters without complaints`,
    );
  }
  if (!verification.valid || verification.checked !== numbers.records) {
    problems.push(
      `audit chain: valid ${verification.valid}, checked ${verification.checked} of ` +
        `${numbers.records}, first invalid ${verification.firstInvalidId}`,
    );
  }
  return { ...numbers, verification, problems };
}

export async function measureFiling({
  service,
  settings,
  connections,
  seconds,
  password,
  statsEnabled,
  supervisorEmail,
}) {
  const supervisorToken = await login(service.url, supervisorEmail, password);
  const spread = await officers(service.url, settings.databaseUrl, connections, password);
  const one = [spread[0]];
  const statements = await countStatements({
    kind: 'service',
    settings,
    statsEnabled,
    prepare: async (url) => {
      const token = await login(url, spread[1].email, password);
      return async (n) => {
        const answer = await graphql(url, {
          query: MUTATION,
          variables: JSON.parse(filingBody(spread[1].provider_id, n)).variables,
          token,
        });
        dataOf(answer, 'fileComplaint');
      };
    },
  });
  const before = await check(service.url, settings.databaseUrl, supervisorToken);
  const runs = {};
  for (const [name, list] of [
    ['spread', spread],
    ['oneOffice', one],
  ]) {
    runs[name] = await runLoad({
      url: service.url,
      body: filingBody(list[0].provider_id, 0),
      headers: { authorization: `Bearer ${list[0].token}` },
      setupRequest: rotating(list),
      connections,
      seconds,
      target: service,
    });
  }
  const after = await check(service.url, settings.databaseUrl, supervisorToken);
  return {
    offices: spread.length,
    runs,
    statements,
    filed: after.filings - before.filings,
    check: after,
  };
}
