// Generates a country's complaints in SQL: reference data and users from JS (a few hundred rows),
// then every complaint, its history and its notices with INSERT … SELECT from generate_series,
// with no round trip per row. Runs against a database the server's own migrations created.
//
// The shape (see the README's Benchmark section): three years (BENCH_YEARS) of working days up to
// yesterday, the daily number rising 80 % from the first day to the last; 386 providers drawn by
// their region's population; 14 % of the provider-level complaints escalated to the region's
// authority department (an AUTHORITY-level child with parent_id), about 2 % still open (recent
// ones, and a tail of forgotten overdue ones), the rest decided, withdrawn or referred to court.
// Incoming numbers are gapless per office and year and the counters match; deadlines come from
// the project's working calendar; every complaint has its history and each decision its notice.
// Deterministic: the draws are hashes of the row number, so every machine gets the same data.
import { WorkingCalendar, addDays } from '../../../packages/calendar/dist/index.js';
import { PORTAL_ACCOUNT, REVIEW_TERM_WORKING_DAYS } from '../../../packages/domain/dist/index.js';
import {
  DEMO_PUBLIC_SERVICES,
  DESCRIPTIONS,
  GIVEN_NAMES,
  ORGANIZATIONS,
  PATRONYMICS,
  STREETS,
  SURNAMES,
} from '../../../server/dist/db/seed/demo-reference-data.js';
import { UserService } from '../../../server/dist/modules/users/index.js';
import { afterBulkLoad, beforeBulkLoad } from './after-bulk-load.js';
import { authorities, providers, recipientIdentifiers } from './reference-data.js';
import { almatyToday, log } from './util.js';

/** Bump when the generated data changes shape: databases marked with another version are rebuilt. */
export const GENERATOR_VERSION = 1;

/** Ratio of provider-level complaints that get an AUTHORITY-level escalation. */
const ESCALATED_SHARE = 0.14;
/** Growth of the number of complaints: the density rises linearly by this much over the span. */
const GROWTH_RAMP = 0.8;

/** The users the benchmark logs in as; every one has the password `BENCH_PASSWORD`. */
export const BENCH_USERS = {
  supervisor: { email: 'supervisor@bench.kz', displayName: 'Сауле Жақсыбекова' },
  inspector: { email: 'inspector@bench.kz', displayName: 'Ержан Тоқтаров' },
  analyst: { email: 'analyst@bench.kz', displayName: 'Алия Мұратова' },
  partner: { email: 'partner@bench.kz', displayName: 'Электрондық үкімет порталы' },
};
/** Further inspectors who hold assigned cases. */
const MORE_INSPECTORS = ['Дәурен Смағұлов', 'Гүлнар Оспанова', 'Арман Қасымов', 'Ольга Ким'];

/** officer-001@bench.kz … officer-386@bench.kz: one PROVIDER_OFFICER per provider, by number. */
export function officerEmail(providerNumber) {
  return `officer-${String(providerNumber).padStart(3, '0')}@bench.kz`;
}

/** Replaces :name with $n (not ::casts); returns the text and the values in order. */
function named(text, params) {
  const order = [];
  const sql = text.replace(/(?<![:\w]):([a-zA-Z_]\w*)/g, (_, name) => {
    if (!(name in params)) throw new Error(`generate: no value for :${name}`);
    let index = order.indexOf(name);
    if (index < 0) index = order.push(name) - 1;
    return `$${index + 1}`;
  });
  return { text: sql, values: order.map((name) => params[name]) };
}

async function timed(client, label, text, params = {}) {
  const started = Date.now();
  const result = await client.query(named(text, params));
  log(`  ${label}: ${result.rowCount ?? 0} rows, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return result;
}

/**
 * The working days the data spans, from the project's calendar (the database's overrides
 * included), and the check that `addWorkingDays` is "k + n" on that list, which the SQL relies on.
 */
function workingDays(overrides, today, years) {
  const calendar = new WorkingCalendar({ overrides });
  const start = `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;
  const end = addDays(today, 150);
  const days = [];
  for (let day = start; day <= end; day = addDays(day, 1)) {
    if (calendar.isWorkingDay(day)) days.push(day);
  }
  // The last working day before today: every generated event happened by then.
  let lastIndex = days.length;
  while (days[lastIndex - 1] >= today) lastIndex -= 1;
  for (let k = 0; k + 15 < days.length; k += 1) {
    for (const level of ['PROVIDER', 'AUTHORITY']) {
      const n = REVIEW_TERM_WORKING_DAYS[level];
      if (calendar.addWorkingDays(days[k], n) !== days[k + n]) {
        throw new Error(`calendar: ${days[k]} + ${n} working days is not ${days[k + n]}`);
      }
    }
  }
  return { days, lastIndex };
}

/** Reference data and users, from JS (a few hundred rows in a handful of statements). */
async function insertReferenceData(client, { passwordHash }) {
  const now = new Date();
  const authorityRows = authorities();
  const providerRows = providers();
  await timed(
    client,
    'authorities',
    `insert into authority (id, name_kk, name_ru, region, postal_address, office_code, created_at)
     select gen_random_uuid(), * , :at::timestamptz
     from unnest(:nameKk::text[], :nameRu::text[], :region::text[], :postal::text[], :code::text[])`,
    {
      nameKk: authorityRows.map((a) => a.nameKk),
      nameRu: authorityRows.map((a) => a.nameRu),
      region: authorityRows.map((a) => a.region),
      postal: authorityRows.map((a) => a.postalAddress),
      code: authorityRows.map((a) => a.officeCode),
      at: new Date(0),
    },
  );
  await timed(
    client,
    'providers',
    `insert into provider (id, bin, name_kk, name_ru, region, postal_address, office_code, created_at)
     select gen_random_uuid(), *, :at::timestamptz
     from unnest(:bin::text[], :nameKk::text[], :nameRu::text[], :region::text[], :postal::text[],
                 :code::text[])`,
    {
      bin: providerRows.map((p) => p.bin),
      nameKk: providerRows.map((p) => p.nameKk),
      nameRu: providerRows.map((p) => p.nameRu),
      region: providerRows.map((p) => p.region),
      postal: providerRows.map((p) => p.postalAddress),
      code: providerRows.map((p) => p.officeCode),
      at: new Date(0),
    },
  );
  await timed(
    client,
    'public services',
    `insert into public_service (code, name_kk, name_ru, provider_kind, standard_term_working_days,
                                 forms, documents_required)
     select code, name_kk, name_ru, kind, term, string_to_array(forms, ','), :documents::jsonb
     from unnest(:code::text[], :nameKk::text[], :nameRu::text[], :kind::text[], :term::int[],
                 :forms::text[]) as s(code, name_kk, name_ru, kind, term, forms)`,
    {
      code: DEMO_PUBLIC_SERVICES.map((s) => s.code),
      nameKk: DEMO_PUBLIC_SERVICES.map((s) => s.nameKk),
      nameRu: DEMO_PUBLIC_SERVICES.map((s) => s.nameRu),
      kind: DEMO_PUBLIC_SERVICES.map((s) => s.providerKind),
      term: DEMO_PUBLIC_SERVICES.map((s) => s.standardTermWorkingDays),
      forms: DEMO_PUBLIC_SERVICES.map((s) => s.forms.join(',')),
      documents: JSON.stringify(DEMO_PUBLIC_SERVICES[0].documentsRequired),
    },
  );

  // Staff of the Astana department read every case; officers, one per provider, by number.
  const staff = [
    { ...BENCH_USERS.supervisor, role: 'SUPERVISOR', staff: true },
    { ...BENCH_USERS.inspector, role: 'INSPECTOR', staff: true },
    ...MORE_INSPECTORS.map((displayName, i) => ({
      email: `inspector-${i + 2}@bench.kz`,
      displayName,
      role: 'INSPECTOR',
      staff: true,
    })),
    { ...BENCH_USERS.analyst, role: 'ANALYST' },
    { ...BENCH_USERS.partner, role: 'PARTNER' },
  ];
  const officers = providerRows.map((p, i) => {
    const female = i % 2 === 1;
    const [male, fem] = SURNAMES[i % SURNAMES.length];
    const given = female ? GIVEN_NAMES.female : GIVEN_NAMES.male;
    return {
      email: officerEmail(i + 1),
      displayName: `${female ? fem : male} ${given[i % given.length]}`,
      role: 'PROVIDER_OFFICER',
      officeCode: p.officeCode,
    };
  });
  await timed(
    client,
    'users',
    `insert into app_user (id, email, display_name, role, provider_id, authority_id, password_hash,
                           active, created_at)
     select gen_random_uuid(), u.email, u.name, u.role, p.id,
            case when u.staff then (select id from authority where office_code = 'AGS-AST') end,
            :hash, true, :at::timestamptz
     from unnest(:email::text[], :name::text[], :role::text[], :office::text[], :staff::boolean[])
          as u(email, name, role, office, staff)
     left join provider p on p.office_code = u.office`,
    {
      email: [...staff, ...officers].map((u) => u.email),
      name: [...staff, ...officers].map((u) => u.displayName),
      role: [...staff, ...officers].map((u) => u.role),
      office: [...staff, ...officers].map((u) => u.officeCode ?? null),
      staff: [...staff, ...officers].map((u) => Boolean(u.staff)),
      hash: passwordHash,
      at: now,
    },
  );

  // The generator's own view of the offices: number, weight, authority of the region, officer.
  await client.query(`create unlogged table bench.provider (
      pno int primary key, id uuid, office_code text, name_ru text, postal_address text, city text,
      weight float8, officer_id uuid, officer_name text, authority_id uuid,
      authority_office_code text, authority_name_ru text, authority_postal_address text)`);
  await timed(
    client,
    'generator offices',
    `insert into bench.provider
     select s.pno, p.id, p.office_code, p.name_ru, p.postal_address, s.city, s.weight, u.id,
            u.display_name, a.id, a.office_code, a.name_ru, a.postal_address
     from unnest(:code::text[], :city::text[], :weight::float8[]) with ordinality
          as s(code, city, weight, pno)
     join provider p on p.office_code = s.code
     join authority a on a.region = p.region
     join app_user u on u.provider_id = p.id and u.role = 'PROVIDER_OFFICER'`,
    {
      code: providerRows.map((p) => p.officeCode),
      city: providerRows.map((p) => p.city),
      weight: providerRows.map((p) => p.weight),
    },
  );
  return { providerRows };
}

/** A pick table: `slots` provider numbers, each as often as its weight says. */
function providerPicks(providerRows, slots = 20_000) {
  const picks = [];
  let cumulative = 0;
  providerRows.forEach((p, i) => {
    cumulative += p.weight;
    while (picks.length < Math.round(cumulative * slots)) picks.push(i + 1);
  });
  while (picks.length < slots) picks.push(providerRows.length);
  return picks;
}

/**
 * One row per provider-level complaint with its whole timeline (and its escalation's), from
 * deterministic draws `bench.u(i, salt)` in [0, 1): the same data on every machine.
 */
const STAGE_SQL = `
create unlogged table bench.stage as
-- Each layer computes from the one inside it; "offset 0" keeps the layers apart, or the planner
-- would inline every column's expression into each use of it (exponentially many).
select d.*,
       gen_random_uuid() as id,
       case when c_k is not null then gen_random_uuid() end as c_id,
       -- times (Asia/Almaty office hours), never after now
       least(bench.at((:days::date[])[d.k_r], 9 + 9 * bench.u(d.i, 20)), :now::timestamptz) as t_reg,
       case when d.reviewed then least(bench.at((:days::date[])[d.k_r], 9 + 9 * bench.u(d.i, 20))
                                       + make_interval(mins => (20 + 100 * bench.u(d.i, 21))::int),
                                       :now::timestamptz) end as t_review,
       case when d.decided then bench.at((:days::date[])[d.k_dec], 10 + 8 * bench.u(d.i, 22)) end as t_dec,
       case when d.withdrawn then bench.at((:days::date[])[d.k_w], 14 + 3 * bench.u(d.i, 23)) end as t_w,
       case when c_k is not null then bench.at((:days::date[])[c_k], 9 + 9 * bench.u(d.i, 24)) end as c_t_reg,
       case when c_k is not null and c_reviewed
            then least(bench.at((:days::date[])[c_k], 9 + 9 * bench.u(d.i, 24))
                       + make_interval(mins => (60 + 600 * bench.u(d.i, 25))::int), :now::timestamptz) end
         as c_t_review,
       case when c_decided then bench.at((:days::date[])[c_k_dec], 10 + 8 * bench.u(d.i, 26)) end as c_t_dec,
       case when c_withdrawn then bench.at((:days::date[])[c_k_w], 14 + 3 * bench.u(d.i, 27)) end as c_t_w,
       case when c_court then bench.at(c_court_on, 15) end as c_t_court
from (
  select b.*,
         case when c_k is null then null
              when c_withdrawn then 'WITHDRAWN'
              when c_court then 'COURT_REFERRED'
              when c_decided then 'DECIDED'
              when c_k = :last::int or bench.u(b.i, 17) < 0.3 then 'REGISTERED'
              else 'IN_REVIEW' end as c_status,
         c_k is not null and (c_withdrawn or c_decided or not (c_k = :last::int or bench.u(b.i, 17) < 0.3))
           as c_reviewed
  from (
    select a.*,
           c_fate = 'W' and c_k_w <= :last::int as c_withdrawn,
           c_fate = 'D' and c_k_dec <= :last::int as c_decided,
           c_fate = 'D' and c_k_dec <= :last::int and bench.u(a.i, 16) < 0.10
             and (:days::date[])[c_k_dec] + 2 + floor(18 * bench.u(a.i, 18))::int < :today::date - 1
             as c_court,
           (:days::date[])[c_k_dec] + 2 + floor(18 * bench.u(a.i, 18))::int as c_court_on
    from (
      select t.*,
             case when withdrawn then 'WITHDRAWN'
                  when c_k is not null then 'ESCALATED'
                  when decided then 'DECIDED'
                  when reviewed then 'IN_REVIEW'
                  else 'REGISTERED' end as status,
             case when c_k is null then null when bench.u(t.i, 13) < 0.03 then 'W' else 'D' end
               as c_fate,
             c_k + 1 + floor(5 * bench.u(t.i, 14))::int as c_k_w,
             c_k + case when bench.u(t.i, 15) < 0.12 then 16 + floor(10 * bench.u(t.i, 14))::int
                        else 3 + floor(13 * bench.u(t.i, 14))::int end as c_k_dec
      from (
        select s.*,
               case when (kind = 'I' or (kind = 'E' and s.decided)) and c_k0 <= :last::int then c_k0 end
                 as c_k,
               -- reviewed before whatever came next (open ones: most of them)
               s.decided or s.withdrawn or not (:last::int - s.k_r < 1 or bench.u(s.i, 12) < 0.35)
                 as reviewed
        from (
          select r.*,
                 r.k_dec <= :last::int as decided,
                 r.kind = 'W' and r.k_w <= :last::int as withdrawn,
                 case r.kind when 'I' then r.k_r + 6 + floor(4 * bench.u(r.i, 11))::int
                             when 'E' then r.k_dec + 1 + floor(10 * bench.u(r.i, 11))::int end
                   as c_k0
          from (
            select q.*,
                   case when q.kind in ('D', 'E') and not q.stuck then q.k_r + q.dd end as k_dec,
                   case when q.kind = 'W' then q.k_r + 1 + floor(3 * bench.u(q.i, 10))::int end as k_w
            from (
              select p.*,
                     -- forgotten: no answer ever came; more likely for recent complaints
                     p.kind = 'D' and bench.u(p.i, 9)
                       < 0.006 + 0.08 * exp(-(:last::int - p.k_r) / 60.0) as stuck,
                     case when bench.u(p.i, 7) < 0.17 then 6 + floor(7 * bench.u(p.i, 8))::int
                          else 1 + floor(5 * bench.u(p.i, 8))::int end as dd
              from (
                select g.i,
                       -- a linear ramp of density (1 + a x): the inverse of its distribution
                       least(:last::int, 1 + floor(:last::int * (sqrt(1 + :ramp::float8 * (2 + :ramp::float8) * bench.u(g.i, 1))
                                                      - 1) / :ramp::float8)::int) as k_r,
                       (:picks::int[])[1 + floor(:slots::int * bench.u(g.i, 2))::int] as pno,
                       case when bench.u(g.i, 3) < 0.03 then 'W'
                            when bench.u(g.i, 3) < 0.03 + :escalated::float8 * 0.15 then 'I'
                            when bench.u(g.i, 3) < 0.03 + :escalated::float8 then 'E'
                            else 'D' end as kind
                from generate_series(1, :count::int) g(i)
                offset 0
              ) p
              offset 0
            ) q
            offset 0
          ) r
          offset 0
        ) s
        offset 0
      ) t
      offset 0
    ) a
    offset 0
  ) b
  offset 0
) d`;

/** The complaints of both levels, in registration order, numbered per office and year. */
const COMPLAINT_SQL = `
insert into complaint (
  id, level, status, version, channel, subject, description, signature, recipient_kind,
  recipient_surname, recipient_given_name, recipient_patronymic, recipient_iin,
  recipient_organization_name, recipient_bin, recipient_outgoing_number, recipient_outgoing_date,
  recipient_postal_address, recipient_email, recipient_phone, recipient_accessibility_needs,
  provider_id, authority_id, public_service_code, official, incoming_number, registered_at,
  registered_on, accepted_by, response_deadline, response_place, office_code, outcome, reasoning,
  remedial_measures, decided_at, decided_on, decided_by, court_referral_court,
  court_referral_filed_on, court_referral_case_number, parent_id, tracking_code_hash, filed_by_id,
  assignee_id, withdrawal_reason, search_text, created_at, updated_at)
select id, level, status, version, channel, subject, description, signature, r_kind,
       r_surname, r_given, r_patronymic, r_iin, r_org, r_bin, r_out_no, r_out_date, r_address,
       r_email, r_phone, r_needs, provider_id, authority_id, service, official, number,
       registered_at, registered_on, accepted_by, deadline, place, office_code, outcome,
       reasoning, remedial, decided_at, decided_on, decided_by, court, court_on, court_case,
       parent_id, md5(id::text || random()::text) || md5(random()::text), filed_by, assignee,
       withdrawal_reason,
       lower(concat_ws(' ', number, r_surname, r_given, r_patronymic, r_org, description)),
       registered_at, updated_at
from (
  select x.*,
         -- allocateIncomingNumber: padStart(5, '0'), never cut
         x.office_code || '-' || extract(year from x.registered_on)::int || '-'
           || lpad(n::text, greatest(5, length(n::text)), '0') as number
  from (select x0.*, row_number() over (partition by x0.office_code,
                                                       extract(year from x0.registered_on)
                                          order by x0.registered_at, x0.seq) as n
  from (
    -- provider level
    select s.id, 2 * s.i as seq, 'PROVIDER' as level, s.status,
           case s.status when 'REGISTERED' then 1 when 'IN_REVIEW' then 2
                when 'ESCALATED' then case when s.decided then 4 when s.reviewed then 3 else 2 end
                else 3 end as version,
           rc.channel, rc.subject, rc.description, rc.signature, rc.r_kind, rc.r_surname, rc.r_given,
           rc.r_patronymic, rc.r_iin, rc.r_org, rc.r_bin, rc.r_out_no, rc.r_out_date, rc.r_address,
           rc.r_email, rc.r_phone, rc.r_needs, o.id as provider_id, null::uuid as authority_id,
           rc.service, rc.official, s.t_reg as registered_at, (:days::date[])[s.k_r] as registered_on,
           case rc.channel when 'ELECTRONIC' then :partnerName::text else o.officer_name end as accepted_by,
           (:days::date[])[s.k_r + 5] as deadline,
           case rc.channel when 'ELECTRONIC' then o.name_ru || ': ' || :portal::text
                else o.name_ru || ', ' || o.postal_address end as place,
           o.office_code,
           case when s.decided then case when s.kind = 'E' then
                  case when bench.u(s.i, 40) < 0.8 then 'REJECTED' else 'PARTIALLY_UPHELD' end
                else case when bench.u(s.i, 40) < 0.25 then 'UPHELD'
                          when bench.u(s.i, 40) < 0.4 then 'PARTIALLY_UPHELD'
                          else 'REJECTED' end end end as outcome,
           case when s.decided
                then 'Шағымның дәлелдері тексерілді, қызмет стандартының талаптары қаралды.' end
             as reasoning,
           case when s.decided and not (s.kind = 'E' and bench.u(s.i, 40) < 0.8)
                     and not (s.kind = 'D' and bench.u(s.i, 40) >= 0.4)
                then 'Қызмет қайта көрсетілді, жауапты қызметкерге тәртіптік шара қолданылды.' end
             as remedial,
           s.t_dec as decided_at, case when s.decided then (:days::date[])[s.k_dec] end as decided_on,
           case when s.decided then o.officer_name end as decided_by,
           null as court, null::date as court_on, null as court_case, null::uuid as parent_id,
           case rc.channel when 'ELECTRONIC' then :partnerId::uuid else o.officer_id end
             as filed_by,
           null::uuid as assignee,
           case when s.withdrawn then 'Өтініш беруші шағымын кері қайтарып алды.' end
             as withdrawal_reason,
           greatest(s.t_reg, s.t_review, s.t_dec, s.t_w, s.c_t_reg) as updated_at
    from bench.stage s
    join bench.provider o on o.pno = s.pno
    cross join lateral bench.recipient(s.i, (:days::date[])[s.k_r], o.city) rc
    union all
    -- the escalation: at the department of the provider's region, 15 working days
    select s.c_id, 2 * s.i + 1, 'AUTHORITY', s.c_status,
           case s.c_status when 'REGISTERED' then 1 when 'IN_REVIEW' then 2
                when 'COURT_REFERRED' then 4 else 3 end
             + case when s.c_assignee is not null then 1 else 0 end,
           s.c_channel, case when s.decided then rc.subject else 'INACTION' end,
           case when s.decided then 'Алушы қызмет берушінің шешімімен келіспейді.'
                else 'Көрсетілетін қызметті беруші белгіленген мерзімде жауап бермеді.' end,
           case s.c_channel when 'ELECTRONIC' then 'DIGITAL' else 'HANDWRITTEN' end,
           rc.r_kind, rc.r_surname, rc.r_given, rc.r_patronymic, rc.r_iin, rc.r_org, rc.r_bin,
           rc.r_out_no, rc.r_out_date, rc.r_address, rc.r_email, rc.r_phone, rc.r_needs, o.id,
           o.authority_id, rc.service, rc.official, s.c_t_reg, (:days::date[])[s.c_k],
           case s.c_channel when 'ELECTRONIC' then :partnerName::text else (:staffNames::text[])[1 + s.i % 2] end,
           (:days::date[])[s.c_k + 15],
           case s.c_channel when 'ELECTRONIC' then o.authority_name_ru || ': ' || :portal::text
                else o.authority_name_ru || ', ' || o.authority_postal_address end,
           o.authority_office_code,
           case when s.c_decided then
             case when bench.u(s.i, 41) < 0.3 then 'UPHELD' else 'REJECTED' end end,
           case when s.c_decided then 'Уәкілетті орган шағымды қарап, қорытынды шығарды.' end,
           case when s.c_decided and bench.u(s.i, 41) < 0.3
                then 'Қызмет берушіге бұзушылықтарды жою туралы ұйғарым берілді.' end,
           s.c_t_dec, case when s.c_decided then (:days::date[])[s.c_k_dec] end,
           case when s.c_decided then coalesce(s.c_assignee_name, (:staffNames::text[])[2]) end,
           case when s.c_court
                then 'Мамандандырылған ауданаралық әкімшілік сот' end,
           case when s.c_court then s.c_court_on end,
           case when s.c_court then '7194-' || to_char(s.c_court_on, 'YY') || '-00-4/' || s.i end,
           s.id,
           case s.c_channel when 'ELECTRONIC' then :partnerId::uuid
                else (:staffIds::uuid[])[1 + s.i % 2] end,
           s.c_assignee,
           case when s.c_withdrawn then 'Өтініш беруші шағымын кері қайтарып алды.' end,
           greatest(s.c_t_reg, s.c_t_review, s.c_t_dec, s.c_t_w, s.c_t_court)
    from (
      select st.*,
             case when bench.u(st.i, 30) < 0.6 then 'ELECTRONIC' else 'PAPER' end as c_channel,
             case when bench.u(st.i, 31) < 0.6
                  then (:staffIds::uuid[])[1 + floor(:staffCount::int * bench.u(st.i, 32))::int] end
               as c_assignee,
             case when bench.u(st.i, 31) < 0.6
                  then (:staffNames::text[])[1 + floor(:staffCount::int * bench.u(st.i, 32))::int] end
               as c_assignee_name
      from bench.stage st
      where st.c_k is not null
    ) s
    join bench.provider o on o.pno = s.pno
    cross join lateral bench.recipient(s.i, (:days::date[])[s.k_r], o.city) rc
  ) x0) x
) y
order by registered_at`;

/** The recipient, subject and service of complaint i: one place, used by both levels. */
const RECIPIENT_FUNCTION = `
create function bench.recipient(i bigint, registered_on date, city text)
returns table (
  channel text, signature text, subject text, description text, service text, official text,
  r_kind text, r_surname text, r_given text, r_patronymic text, r_iin text, r_org text,
  r_bin text, r_out_no text, r_out_date date, r_address text, r_email text, r_phone text,
  r_needs text[])
language sql stable parallel safe rows 1 as $$
  select case when f.electronic then 'ELECTRONIC' else 'PAPER' end,
         case when f.electronic then 'DIGITAL' else 'HANDWRITTEN' end,
         (array['DECISION', 'ACTION', 'INACTION'])[1 + floor(3 * bench.u(i, 51))::int],
         d.descriptions[1 + floor(cardinality(d.descriptions) * bench.u(i, 52))::int],
         d.services[1 + floor(cardinality(d.services) * bench.u(i, 53))::int],
         case when bench.u(i, 54) < 0.4 then
           d.surnames_m[1 + floor(cardinality(d.surnames_m) * bench.u(i, 55))::int] || ' '
           || d.given_m[1 + floor(cardinality(d.given_m) * bench.u(i, 56))::int] end,
         case when f.legal then 'LEGAL_ENTITY' else 'INDIVIDUAL' end,
         case when not f.legal then case when f.female
           then d.surnames_f[1 + floor(cardinality(d.surnames_f) * bench.u(i, 57))::int]
           else d.surnames_m[1 + floor(cardinality(d.surnames_m) * bench.u(i, 57))::int] end end,
         case when not f.legal then case when f.female
           then d.given_f[1 + floor(cardinality(d.given_f) * bench.u(i, 58))::int]
           else d.given_m[1 + floor(cardinality(d.given_m) * bench.u(i, 58))::int] end end,
         case when not f.legal then case when f.female
           then d.patronymics_f[1 + floor(cardinality(d.patronymics_f) * bench.u(i, 59))::int]
           else d.patronymics_m[1 + floor(cardinality(d.patronymics_m) * bench.u(i, 59))::int]
           end end,
         case when not f.legal and bench.u(i, 60) < 0.6
              then d.iins[1 + floor(cardinality(d.iins) * bench.u(i, 61))::int] end,
         case when f.legal then d.organizations[1 + floor(cardinality(d.organizations)
                                                         * bench.u(i, 62))::int] end,
         case when f.legal then d.bins[1 + floor(cardinality(d.bins) * bench.u(i, 61))::int] end,
         case when f.legal then (1 + floor(400 * bench.u(i, 63)))::int || '/'
                                || (1 + floor(12 * bench.u(i, 64)))::int end,
         case when f.legal then registered_on - (1 + floor(10 * bench.u(i, 65)))::int end,
         city || ' қ., ' || d.streets[1 + floor(cardinality(d.streets) * bench.u(i, 66))::int]
           || ', ' || (1 + floor(120 * bench.u(i, 67)))::int || ', '
           || (1 + floor(200 * bench.u(i, 68)))::int || '-пәтер',
         case when f.legal and bench.u(i, 69) < 0.5 then 'info' || i || '@example.kz'
              when not f.legal and bench.u(i, 69) < 0.3 then 'recipient' || i || '@mail.kz' end,
         case when not f.legal and bench.u(i, 70) < 0.6
              then '+7 70' || floor(10 * bench.u(i, 71))::int || ' '
                   || (100 + floor(900 * bench.u(i, 72)))::int || ' '
                   || (10 + floor(90 * bench.u(i, 73)))::int || ' '
                   || (10 + floor(90 * bench.u(i, 74)))::int end,
         case when f.legal then '{}'::text[] else array_remove(array[
           case when i % 9 = 0 then 'LARGE_PRINT' end,
           case when i % 13 = 0 then 'WHEELCHAIR_ACCESS' end,
           case when i % 17 = 0 then 'SIGN_LANGUAGE' end,
           case when i % 23 = 0 then 'HOME_VISIT' end,
           case when i % 29 = 0 then 'SCREEN_READER' end], null) end
  from bench.dictionary d,
       (select bench.u(i, 50) < 0.45 as electronic, bench.u(i, 75) < 0.14 as legal,
               bench.u(i, 76) < 0.5 as female) f
$$`;

/** History rows of every complaint, from the stage's timeline (what the services would write). */
const EVENTS_SQL = `
insert into complaint_event (complaint_id, at, actor_id, actor, action, from_status, to_status, note)
select complaint_id, at, actor_id, actor, action, from_status, to_status, note
from (
  select s.id as complaint_id, s.t_reg as at, c.filed_by_id as actor_id, c.accepted_by as actor,
         'file' as action, null as from_status, 'REGISTERED' as to_status, null as note
  from bench.stage s join complaint c on c.id = s.id
  union all
  select s.id, s.t_review, o.officer_id, o.officer_name, 'startReview', 'REGISTERED', 'IN_REVIEW',
         null
  from bench.stage s join bench.provider o on o.pno = s.pno where s.reviewed
  union all
  select s.id, s.t_dec, o.officer_id, o.officer_name, 'decide', 'IN_REVIEW', 'DECIDED', null
  from bench.stage s join bench.provider o on o.pno = s.pno where s.decided
  union all
  select s.id, s.t_w, o.officer_id, o.officer_name, 'withdraw',
         case when s.reviewed then 'IN_REVIEW' else 'REGISTERED' end, 'WITHDRAWN', null
  from bench.stage s join bench.provider o on o.pno = s.pno where s.withdrawn
  union all
  select s.id, s.c_t_reg, child.filed_by_id, child.accepted_by, 'escalate',
         case when s.decided then 'DECIDED' when s.reviewed then 'IN_REVIEW' else 'REGISTERED' end,
         'ESCALATED', child.incoming_number
  from bench.stage s join complaint child on child.id = s.c_id
  union all
  select s.c_id, s.c_t_reg, child.filed_by_id, child.accepted_by, 'file', null, 'REGISTERED',
         parent.incoming_number
  from bench.stage s join complaint child on child.id = s.c_id
       join complaint parent on parent.id = s.id
  union all
  select s.c_id, s.c_t_reg + interval '30 minutes', (:staffIds::uuid[])[1], (:staffNames::text[])[1],
         'assign', 'REGISTERED', 'REGISTERED', child.assignee_name
  from bench.stage s
       join lateral (select c.id, u.display_name as assignee_name
                     from complaint c join app_user u on u.id = c.assignee_id
                     where c.id = s.c_id) child on true
  union all
  select s.c_id, s.c_t_review, (:staffIds::uuid[])[2], (:staffNames::text[])[2], 'startReview',
         'REGISTERED', 'IN_REVIEW', null
  from bench.stage s where s.c_reviewed
  union all
  select s.c_id, s.c_t_dec, (:staffIds::uuid[])[2], (:staffNames::text[])[2], 'decide', 'IN_REVIEW',
         'DECIDED', null
  from bench.stage s where s.c_decided
  union all
  select s.c_id, s.c_t_w, (:staffIds::uuid[])[2], (:staffNames::text[])[2], 'withdraw', 'IN_REVIEW',
         'WITHDRAWN', null
  from bench.stage s where s.c_withdrawn
  union all
  select s.c_id, s.c_t_court, :partnerId::uuid, :partnerName::text, 'referToCourt', 'DECIDED',
         'COURT_REFERRED', null
  from bench.stage s where s.c_court
) e
order by at`;

/** O5: the decision notice of every decided complaint, as NotificationService writes it. */
const NOTICES_SQL = `
insert into notice (id, complaint_id, kind, channel, addressee, destination, accessibility_needs,
                    content, created_at, delivered_at)
select gen_random_uuid(), c.id, 'DECISION', ch.channel,
       case when c.recipient_kind = 'LEGAL_ENTITY' then coalesce(c.recipient_organization_name, '')
            else concat_ws(' ', c.recipient_surname, c.recipient_given_name,
                           c.recipient_patronymic) end,
       case ch.channel when 'ELECTRONIC' then :portal::text else c.recipient_postal_address end,
       c.recipient_accessibility_needs,
       jsonb_build_object('incomingNumber', c.incoming_number, 'outcome', c.outcome,
                          'decidedOn', c.decided_on, 'reasoning', c.reasoning,
                          'remedialMeasures', c.remedial_measures),
       c.decided_at,
       case when c.decided_at < :now::timestamptz - interval '1 day'
            then c.decided_at + interval '2 hours' end
from complaint c
cross join lateral (
  select case when 'HOME_VISIT' = any (c.recipient_accessibility_needs) then 'HOME_VISIT'
              when c.channel = 'ELECTRONIC' then 'ELECTRONIC' else 'POST' end as channel
) ch
where c.decided_at is not null
order by c.decided_at`;

/** Every NOT NULL column of the tables written here must be set by this file or have a default. */
const WRITTEN_COLUMNS = {
  complaint: COMPLAINT_SQL,
  complaint_event: EVENTS_SQL,
  notice: NOTICES_SQL,
};

async function checkColumns(client) {
  const { rows } = await client.query(
    `select table_name, column_name from information_schema.columns
     where table_schema = 'public' and table_name = any($1) and is_nullable = 'NO'
       and column_default is null and is_identity = 'NO'`,
    [Object.keys(WRITTEN_COLUMNS)],
  );
  const missing = rows.filter(
    (r) => !new RegExp(`\\b${r.column_name}\\b`).test(WRITTEN_COLUMNS[r.table_name]),
  );
  if (missing.length > 0) {
    throw new Error(
      `the generator does not set these NOT NULL columns (a new migration?): ${missing
        .map((r) => `${r.table_name}.${r.column_name}`)
        .join(', ')} — update test/bench/lib/generate.js`,
    );
  }
}

/**
 * Fills a freshly migrated database with about `count` complaints (provider level plus their
 * escalations) over the last `years` years. Returns what was generated.
 */
export async function generate(client, { count, years, password }) {
  const started = Date.now();
  await checkColumns(client);
  const today = almatyToday();
  const { rows: overrideRows } = await client.query(
    `select to_char(date, 'YYYY-MM-DD') as date, working, reason from calendar_override`,
  );
  const { days, lastIndex } = workingDays(overrideRows, today, years);
  log(`  ${days[0]} … ${days[lastIndex - 1]}: ${lastIndex} working days`);

  await client.query(`set work_mem = '256MB'`);
  await client.query(`set maintenance_work_mem = '512MB'`);
  await client.query('set synchronous_commit = off');
  // Compiling these large expressions with LLVM takes seconds per statement and saves nothing.
  await client.query('set jit = off');
  await client.query('create schema if not exists bench');
  // Uniform draws in [0, 1) from the row number and a salt: deterministic and repeatable.
  await client.query(`create function bench.u(i bigint, salt int) returns float8
    language sql immutable parallel safe
    as $$ select (hashint8extended(i, salt) & 2147483647)::float8 / 2147483648.0 $$`);
  // An Asia/Almaty office-hours instant on a date (UTC+5).
  await client.query(`create function bench.at(day date, hours float8) returns timestamptz
    language sql immutable parallel safe
    as $$ select ((day + make_interval(secs => hours * 3600)) at time zone 'UTC')
                 - interval '5 hours' $$`);

  const load = await beforeBulkLoad(client);
  const passwordHash = await new UserService().hashPassword(password);
  const { providerRows } = await insertReferenceData(client, { passwordHash });
  const { iins, bins } = recipientIdentifiers(200);
  await client.query(
    `create table bench.dictionary as select
       $1::text[] as surnames_m, $2::text[] as surnames_f, $3::text[] as given_m,
       $4::text[] as given_f, $5::text[] as patronymics_m, $6::text[] as patronymics_f,
       $7::text[] as organizations, $8::text[] as streets, $9::text[] as descriptions,
       $10::text[] as services, $11::text[] as iins, $12::text[] as bins`,
    [
      SURNAMES.map((s) => s[0]),
      SURNAMES.map((s) => s[1]),
      [...GIVEN_NAMES.male],
      [...GIVEN_NAMES.female],
      [...PATRONYMICS.male],
      [...PATRONYMICS.female],
      [...ORGANIZATIONS],
      [...STREETS],
      [...DESCRIPTIONS],
      DEMO_PUBLIC_SERVICES.map((s) => s.code),
      iins,
      bins,
    ],
  );
  await client.query(RECIPIENT_FUNCTION);

  const { rows: staffRows } = await client.query(
    `select id, display_name from app_user where role in ('INSPECTOR', 'SUPERVISOR')
     order by role = 'INSPECTOR' desc, email`,
  );
  const { rows: partnerRows } = await client.query(
    `select id, display_name from app_user where role = 'PARTNER'`,
  );
  const picks = providerPicks(providerRows);
  const common = {
    days,
    last: lastIndex,
    now: new Date(),
    today,
    staffIds: staffRows.map((r) => r.id),
    staffNames: staffRows.map((r) => r.display_name),
    staffCount: staffRows.length,
    partnerId: partnerRows[0].id,
    partnerName: partnerRows[0].display_name,
    portal: PORTAL_ACCOUNT,
  };
  const providerLevel = Math.round(count / (1 + ESCALATED_SHARE));
  await timed(client, 'timeline (stage)', STAGE_SQL, {
    ...common,
    picks,
    slots: picks.length,
    ramp: GROWTH_RAMP,
    escalated: ESCALATED_SHARE,
    count: providerLevel,
  });
  await client.query('analyze bench.stage');
  await timed(client, 'complaints', COMPLAINT_SQL, common);
  await timed(
    client,
    'incoming-number counters',
    `insert into incoming_number_counter (office_code, year, last_value)
     select office_code, extract(year from registered_on)::int, count(*)::int
     from complaint group by 1, 2`,
  );
  await timed(client, 'history', EVENTS_SQL, common);
  await timed(client, 'notices', NOTICES_SQL, common);

  await afterBulkLoad(client, load);
  await client.query('drop table bench.stage');
  await client.query('drop table bench.provider');
  await client.query('drop table bench.dictionary');
  await client.query('drop function bench.recipient');
  // VACUUM too, not only ANALYZE: the visibility map set (index-only scans without a heap visit
  // per row) and no autovacuum of the fresh rows starting in the middle of a measurement.
  const vacuumStarted = Date.now();
  await client.query('vacuum (freeze, analyze)');
  log(`  vacuum and analyze: ${((Date.now() - vacuumStarted) / 1000).toFixed(1)} s`);
  const { rows } = await client.query(
    `select count(*)::int as complaints,
            count(*) filter (where level = 'AUTHORITY')::int as escalations,
            count(*) filter (where status in ('REGISTERED', 'IN_REVIEW'))::int as open
     from complaint`,
  );
  const summary = {
    ...rows[0],
    firstDay: days[0],
    lastDay: days[lastIndex - 1],
    seconds: Math.round((Date.now() - started) / 1000),
  };
  return summary;
}
