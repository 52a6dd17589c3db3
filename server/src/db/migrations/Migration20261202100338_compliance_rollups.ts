import { Migration } from '@mikro-orm/migrations';

// O1 / R2: compliance rollups kept by the database itself, so that every write path (services,
// the calendar's cascade, SQL loads) keeps them in the same transaction. A complaint's share:
// total 1; decided, decided on time, upheld and court referred as 0/1; its working days from
// registration to decision as one count in the histogram `working_days` (element i from 1 counts
// i - 1 days); escalated: 1 on a PROVIDER complaint that has an AUTHORITY child, counted when the
// child is linked (a complaint's own key never changes through the services).
const COMPLAINT_SHARE_COLUMNS = [
  'registered_on',
  'provider_id',
  'level',
  'authority_id',
  'public_service_code',
  'decided_on',
  'response_deadline',
  'outcome',
  'status',
  'parent_id',
];

export class Migration20261202100338_compliance_rollups extends Migration {
  override name = 'Migration20261202100338_compliance_rollups';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "compliance_rollup" ("month" date not null, "provider_id" uuid not null, "level" text not null, "authority_id" uuid not null, "total" int not null default 0, "decided" int not null default 0, "decided_on_time" int not null default 0, "escalated" int not null default 0, "upheld" int not null default 0, "court_referred" int not null default 0, "working_days" int[] not null, primary key ("month", "provider_id", "level", "authority_id"));`,
    );

    this.addSql(
      `create table "compliance_service_rollup" ("month" date not null, "provider_id" uuid not null, "level" text not null, "authority_id" uuid not null, "public_service_code" varchar(50) not null, "total" int not null default 0, "decided" int not null default 0, "decided_on_time" int not null default 0, "escalated" int not null default 0, "upheld" int not null default 0, "court_referred" int not null default 0, "working_days" int[] not null, primary key ("month", "provider_id", "level", "authority_id", "public_service_code"));`,
    );

    this.addSql(
      `create table "compliance_service_total_rollup" ("month" date not null, "public_service_code" varchar(50) not null, "level" text not null, "total" int not null default 0, "decided" int not null default 0, "decided_on_time" int not null default 0, "escalated" int not null default 0, "upheld" int not null default 0, "court_referred" int not null default 0, "working_days" int[] not null, primary key ("month", "public_service_code", "level"));`,
    );
    // A query for one service, or one provider, reads its own rows of a period.
    this.addSql(
      `create index "compliance_service_rollup_service_idx" on "compliance_service_rollup" ("public_service_code", "month");`,
    );
    this.addSql(
      `create index "compliance_service_rollup_provider_idx" on "compliance_service_rollup" ("provider_id", "month");`,
    );
    // Rows are updated in place far more often than added: room on each page keeps the updates
    // HOT (no index entries written).
    for (const table of [
      'compliance_rollup',
      'compliance_service_rollup',
      'compliance_service_total_rollup',
    ]) {
      this.addSql(`alter table "${table}" set (fillfactor = 70);`);
    }

    // Open overdue complaints are counted live, by registration date, from the index alone (no
    // random reads of the table, however many open complaints a year has); a calendar change finds
    // the decided complaints whose working days it changes by decision and registration date,
    // from the index alone (a day 18 months back at 1M: 8.8 s -> 4.0 s, 1.1 s of it the calendar).
    this.addSql(
      `create index "complaint_open_registered_on_idx" on "complaint" ("registered_on", "response_deadline") include ("provider_id", "level", "authority_id", "public_service_code") where "status" in ('REGISTERED', 'IN_REVIEW');`,
    );
    this.addSql(
      `create index "complaint_decided_on_idx" on "complaint" ("decided_on", "registered_on") include ("provider_id", "level", "authority_id", "public_service_code") where "decided_on" is not null;`,
    );

    this.addSql(`
      create function compliance_month(day date) returns date language sql immutable parallel safe
      as $$ select date_trunc('month', day::timestamp)::date $$;`);
    // The histogram with `count` added to the bucket of `working_days` (0-based), grown with
    // zeros as needed; a null bucket changes nothing.
    this.addSql(`
      create function compliance_histogram_add(histogram int[], working_days int, count int)
      returns int[] language sql immutable parallel safe as $$
        select case
          when working_days is null or count = 0 then histogram
          when cardinality(histogram) > working_days then
            histogram[1:working_days] || (histogram[working_days + 1] + count)
              || histogram[working_days + 2:]
          else histogram || array_fill(0, array[working_days - cardinality(histogram)]) || count
        end
      $$;`);
    this.addSql(`
      create aggregate compliance_histogram(int, int) (
        sfunc = compliance_histogram_add, stype = int[], initcond = '{}', parallel = safe
      );`);

    // Working days from registration to decision (negative: decided the evening of receipt,
    // before the registration date, counts 0). The two days are locked for share: a calendar
    // change that moves their working index waits for this transaction, or this one reads the
    // changed calendar after it.
    this.addSql(`
      create function compliance_working_days(registered_on date, decided_on date)
      returns int language sql volatile as $$
        select greatest(decided.working_index - registered.working_index, 0)
        from working_day registered, working_day decided
        where registered.day = registered_on and decided.day = decided_on
        for share
      $$;`);

    // A change is only appended (no row is locked, nothing is read): the triggers run at the
    // commit of every filing and decision, where the office counter and the audit chain are
    // held. compact_compliance_rollups() folds the changes into the rollups; a query adds those
    // not yet folded.
    this.addSql(
      `create table "compliance_rollup_change" ("month" date not null, "provider_id" uuid not null, "level" text not null, "authority_id" uuid not null, "public_service_code" varchar(50) not null, "total" int not null, "decided" int not null, "decided_on_time" int not null, "escalated" int not null, "upheld" int not null, "court_referred" int not null, "removed_working_days" int null, "added_working_days" int null, "moved" int not null);`,
    );
    // A change: counts, and `moved` decisions from one histogram bucket to another (either null).
    this.addSql(`
      create function append_compliance_rollup_change(
        a_month date, a_provider_id uuid, a_level text, a_authority_id uuid, a_service text,
        a_total int, a_decided int, a_decided_on_time int, a_escalated int, a_upheld int,
        a_court_referred int, a_removed_working_days int, a_added_working_days int, a_moved int
      ) returns void language sql as $$
        insert into compliance_rollup_change values (a_month, a_provider_id, a_level,
          coalesce(a_authority_id, '00000000-0000-0000-0000-000000000000'), coalesce(a_service, ''),
          a_total, a_decided, a_decided_on_time, a_escalated, a_upheld, a_court_referred,
          a_removed_working_days, a_added_working_days, a_moved)
      $$;`);
    // Two histograms added bucket by bucket.
    this.addSql(`
      create function compliance_histogram_sum(a int[], b int[])
      returns int[] language sql immutable parallel safe as $$
        select coalesce(array_agg(coalesce(x, 0) + coalesce(y, 0) order by i), '{}')
        from unnest(a, b) with ordinality as u (x, y, i)
      $$;`);
    // Folds the appended changes into the three rollups, in key order (no deadlock between two
    // foldings), one folding at a time; returns how many changes it folded.
    this.addSql(`
      create function compact_compliance_rollups() returns int language plpgsql as $$
      declare
        folded int;
      begin
        if not pg_try_advisory_xact_lock(hashtext('compact_compliance_rollups')) then
          return 0;
        end if;
        with taken as (
          delete from compliance_rollup_change returning *
        ),
        -- Each change on two sides (its counts and removed bucket, then its added bucket), summed
        -- by key and bucket first: the histogram aggregate then runs once per bucket, not per row.
        sides as (
          select t.month, t.provider_id, t.level, t.authority_id, t.public_service_code, h.bucket,
            sum(t.total) filter (where h.side = 1) as total,
            sum(t.decided) filter (where h.side = 1) as decided,
            sum(t.decided_on_time) filter (where h.side = 1) as decided_on_time,
            sum(t.escalated) filter (where h.side = 1) as escalated,
            sum(t.upheld) filter (where h.side = 1) as upheld,
            sum(t.court_referred) filter (where h.side = 1) as court_referred,
            sum(h.count)::int as count
          from taken t
          cross join lateral (values (1, t.removed_working_days, -t.moved),
                                     (2, t.added_working_days, t.moved)) as h (side, bucket, count)
          group by 1, 2, 3, 4, 5, 6
        ),
        by_service as (
          insert into compliance_service_rollup as r (month, provider_id, level, authority_id,
            public_service_code, total, decided, decided_on_time, escalated, upheld,
            court_referred, working_days)
          select month, provider_id, level, authority_id, public_service_code,
            coalesce(sum(total), 0), coalesce(sum(decided), 0),
            coalesce(sum(decided_on_time), 0), coalesce(sum(escalated), 0),
            coalesce(sum(upheld), 0), coalesce(sum(court_referred), 0),
            compliance_histogram(bucket, count)
          from sides
          group by 1, 2, 3, 4, 5
          order by 1, 2, 3, 4, 5
          on conflict (month, provider_id, level, authority_id, public_service_code) do update set
          total = r.total + excluded.total,
          decided = r.decided + excluded.decided,
          decided_on_time = r.decided_on_time + excluded.decided_on_time,
          escalated = r.escalated + excluded.escalated,
          upheld = r.upheld + excluded.upheld,
          court_referred = r.court_referred + excluded.court_referred,
          working_days = compliance_histogram_sum(r.working_days, excluded.working_days)
        ),
        by_service_total as (
          insert into compliance_service_total_rollup as r (month, public_service_code, level,
            total, decided, decided_on_time, escalated, upheld, court_referred, working_days)
          select month, public_service_code, level,
            coalesce(sum(total), 0), coalesce(sum(decided), 0),
            coalesce(sum(decided_on_time), 0), coalesce(sum(escalated), 0),
            coalesce(sum(upheld), 0), coalesce(sum(court_referred), 0),
            compliance_histogram(bucket, count)
          from sides
          group by 1, 2, 3
          order by 1, 2, 3
          on conflict (month, public_service_code, level) do update set
          total = r.total + excluded.total,
          decided = r.decided + excluded.decided,
          decided_on_time = r.decided_on_time + excluded.decided_on_time,
          escalated = r.escalated + excluded.escalated,
          upheld = r.upheld + excluded.upheld,
          court_referred = r.court_referred + excluded.court_referred,
          working_days = compliance_histogram_sum(r.working_days, excluded.working_days)
        ),
        by_provider as (
          insert into compliance_rollup as r (month, provider_id, level, authority_id, total,
            decided, decided_on_time, escalated, upheld, court_referred, working_days)
          select month, provider_id, level, authority_id,
            coalesce(sum(total), 0), coalesce(sum(decided), 0),
            coalesce(sum(decided_on_time), 0), coalesce(sum(escalated), 0),
            coalesce(sum(upheld), 0), coalesce(sum(court_referred), 0),
            compliance_histogram(bucket, count)
          from sides
          group by 1, 2, 3, 4
          order by 1, 2, 3, 4
          on conflict (month, provider_id, level, authority_id) do update set
          total = r.total + excluded.total,
          decided = r.decided + excluded.decided,
          decided_on_time = r.decided_on_time + excluded.decided_on_time,
          escalated = r.escalated + excluded.escalated,
          upheld = r.upheld + excluded.upheld,
          court_referred = r.court_referred + excluded.court_referred,
          working_days = compliance_histogram_sum(r.working_days, excluded.working_days)
        )
        select count(*) into folded from taken;
        return folded;
      end $$;`);

    // The escalated count of a PROVIDER complaint, changed when an AUTHORITY child links to it.
    this.addSql(`
      create function compliance_rollup_escalation(a_parent_id uuid, a_change int)
      returns void language plpgsql as $$
      declare
        parent record;
      begin
        select registered_on, provider_id, level, authority_id, public_service_code into parent
        from complaint where id = a_parent_id;
        if found and parent.level = 'PROVIDER' then
          perform append_compliance_rollup_change(compliance_month(parent.registered_on),
            parent.provider_id, parent.level, parent.authority_id, parent.public_service_code,
            0, 0, 0, a_change, 0, 0, null, null, 0);
        end if;
      end $$;`);

    // Runs at commit (a deferred constraint trigger), once the transaction's statements are done:
    // appends the change of the complaint's share (and of its parent's escalated count).
    this.addSql(`
      create function compliance_rollup_on_complaint() returns trigger language plpgsql as $$
      declare
        o complaint;
        n complaint;
        o_working_days int;
        n_working_days int;
        o_link uuid;
        n_link uuid;
        o_escalated int := 0;
        n_escalated int := 0;
        same_key boolean;
      begin
        if tg_op <> 'INSERT' then
          o := old;
          if o.decided_on is not null then
            o_working_days := compliance_working_days(o.registered_on, o.decided_on);
          end if;
          o_link := case when o.level = 'AUTHORITY' then o.parent_id end;
        end if;
        if tg_op <> 'DELETE' then
          n := new;
          if n.decided_on is not null then
            n_working_days := compliance_working_days(n.registered_on, n.decided_on);
          end if;
          n_link := case when n.level = 'AUTHORITY' then n.parent_id end;
        end if;
        same_key := tg_op = 'UPDATE'
          and compliance_month(o.registered_on) = compliance_month(n.registered_on)
          and o.provider_id = n.provider_id and o.level = n.level
          and o.authority_id is not distinct from n.authority_id
          and o.public_service_code is not distinct from n.public_service_code;
        if same_key then
          if (o.decided_on is null, coalesce(o.decided_on <= o.response_deadline, false),
              coalesce(o.outcome in ('UPHELD', 'PARTIALLY_UPHELD'), false),
              o.status = 'COURT_REFERRED', o_working_days)
             is distinct from
             (n.decided_on is null, coalesce(n.decided_on <= n.response_deadline, false),
              coalesce(n.outcome in ('UPHELD', 'PARTIALLY_UPHELD'), false),
              n.status = 'COURT_REFERRED', n_working_days) then
            perform append_compliance_rollup_change(compliance_month(n.registered_on),
              n.provider_id, n.level, n.authority_id, n.public_service_code, 0,
              (n.decided_on is not null)::int - (o.decided_on is not null)::int,
              coalesce(n.decided_on <= n.response_deadline, false)::int
                - coalesce(o.decided_on <= o.response_deadline, false)::int,
              0,
              coalesce(n.outcome in ('UPHELD', 'PARTIALLY_UPHELD'), false)::int
                - coalesce(o.outcome in ('UPHELD', 'PARTIALLY_UPHELD'), false)::int,
              (n.status = 'COURT_REFERRED')::int - (o.status = 'COURT_REFERRED')::int,
              o_working_days, n_working_days, 1);
          end if;
        else
          -- A new key: the whole share moves, with the escalated count its child gave it.
          if tg_op = 'UPDATE' then
            o_escalated := (o.level = 'PROVIDER' and exists (
              select 1 from complaint e where e.parent_id = o.id and e.level = 'AUTHORITY'))::int;
            n_escalated := (n.level = 'PROVIDER' and exists (
              select 1 from complaint e where e.parent_id = n.id and e.level = 'AUTHORITY'))::int;
          end if;
          if tg_op <> 'INSERT' then
            perform append_compliance_rollup_change(compliance_month(o.registered_on),
              o.provider_id, o.level, o.authority_id, o.public_service_code, -1,
              -(o.decided_on is not null)::int,
              -coalesce(o.decided_on <= o.response_deadline, false)::int,
              -o_escalated,
              -coalesce(o.outcome in ('UPHELD', 'PARTIALLY_UPHELD'), false)::int,
              -(o.status = 'COURT_REFERRED')::int,
              o_working_days, null, 1);
          end if;
          if tg_op <> 'DELETE' then
            perform append_compliance_rollup_change(compliance_month(n.registered_on),
              n.provider_id, n.level, n.authority_id, n.public_service_code, 1,
              (n.decided_on is not null)::int,
              coalesce(n.decided_on <= n.response_deadline, false)::int,
              n_escalated,
              coalesce(n.outcome in ('UPHELD', 'PARTIALLY_UPHELD'), false)::int,
              (n.status = 'COURT_REFERRED')::int,
              null, n_working_days, 1);
          end if;
        end if;
        if o_link is distinct from n_link then
          if o_link is not null then
            perform compliance_rollup_escalation(o_link, -1);
          end if;
          if n_link is not null then
            perform compliance_rollup_escalation(n_link, 1);
          end if;
        end if;
        return null;
      end $$;`);
    this.addSql(`
      create constraint trigger compliance_rollup_on_complaint_insert_delete
      after insert or delete on complaint deferrable initially deferred
      for each row execute function compliance_rollup_on_complaint();`);
    // Only the changes that alter a complaint's share queue an event (not a review started, a
    // deadline moved on an open complaint, an assignee…).
    const changed = COMPLAINT_SHARE_COLUMNS.filter((column) => column !== 'response_deadline')
      .map((column) => `old.${column} is distinct from new.${column}`)
      .concat(
        'old.response_deadline is distinct from new.response_deadline and new.decided_on is not null',
      )
      .join(' or ');
    this.addSql(`
      create constraint trigger compliance_rollup_on_complaint_update
      after update on complaint deferrable initially deferred
      for each row when (${changed})
      execute function compliance_rollup_on_complaint();`);

    // A calendar change (rows of working_day rewritten) moves the working days of the decided
    // complaints whose (registration, decision] holds a changed day: their histogram buckets are
    // moved in the same transaction.
    this.addSql(`
      create function compliance_rollup_on_working_day() returns trigger language plpgsql as $$
      declare
        first_day date;
        last_day date;
        move record;
      begin
        select min(n.day), max(n.day) into first_day, last_day
        from new_days n join old_days o on o.day = n.day
        where n.working <> o.working;
        if first_day is null then
          -- No day changed its kind, yet indexes moved: take every changed index.
          select min(n.day), max(n.day) + 1 into first_day, last_day
          from new_days n join old_days o on o.day = n.day
          where n.working_index <> o.working_index;
        end if;
        if first_day is null then
          return null;
        end if;
        for move in
          with changed as (
            select o.day, o.working_index from old_days o
          ),
          shares as (
            select c.registered_on, c.provider_id, c.level, c.authority_id, c.public_service_code,
              greatest(coalesce(dc.working_index, d.working_index)
                - coalesce(rc.working_index, r.working_index), 0) as removed,
              greatest(d.working_index - r.working_index, 0) as added
            from complaint c
            join working_day r on r.day = c.registered_on
            join working_day d on d.day = c.decided_on
            left join changed rc on rc.day = c.registered_on
            left join changed dc on dc.day = c.decided_on
            where c.decided_on >= first_day and c.registered_on < last_day
          )
          select compliance_month(registered_on) as month, provider_id, level,
            authority_id, public_service_code, removed, added, count(*)::int as moved
          from shares where removed <> added
          group by 1, 2, 3, 4, 5, 6, 7
          order by 1, 2, 3, 4, 5, 6, 7
        loop
          perform append_compliance_rollup_change(move.month, move.provider_id, move.level,
            move.authority_id, move.public_service_code, 0, 0, 0, 0, 0, 0,
            move.removed, move.added, move.moved);
        end loop;
        return null;
      end $$;`);
    this.addSql(`
      create trigger compliance_rollup_on_working_day
      after update on working_day
      referencing old table as old_days new table as new_days
      for each statement execute function compliance_rollup_on_working_day();`);

    // Recomputes the three rollups from the complaints, to check them or after a bulk load with
    // the two complaint triggers disabled (`alter table complaint disable trigger
    // compliance_rollup_on_complaint_insert_delete`, and `…_update`): a deferred trigger keeps
    // one event in memory per row until commit, too many for millions of rows in one transaction.
    this.addSql(`
      create function rebuild_compliance_rollups() returns void language plpgsql as $$
      begin
        -- Millions of complaints aggregated in memory, for this transaction only.
        perform set_config('work_mem', '256MB', true);
        -- No change is appended meanwhile (filings wait): the complaints read below are all the
        -- changes there are.
        lock table compliance_rollup, compliance_service_rollup, compliance_service_total_rollup,
          compliance_rollup_change in exclusive mode;
        delete from compliance_rollup_change;
        delete from compliance_rollup;
        delete from compliance_service_rollup;
        delete from compliance_service_total_rollup;
        -- Written in key order, so a month's rows lie together (as the triggers add them over
        -- time): a year is read from a few pages.
        with by_working_days as materialized (
          select compliance_month(c.registered_on) as month, c.provider_id, c.level,
            coalesce(c.authority_id, '00000000-0000-0000-0000-000000000000') as authority_id,
            coalesce(c.public_service_code, '') as public_service_code,
            greatest(d.working_index - r.working_index, 0) as working_days,
            count(*)::int as total,
            count(*) filter (where c.decided_on is not null)::int as decided,
            count(*) filter (where c.decided_on <= c.response_deadline)::int as decided_on_time,
            count(*) filter (where c.level = 'PROVIDER' and e.parent_id is not null)::int
              as escalated,
            count(*) filter (where c.outcome in ('UPHELD', 'PARTIALLY_UPHELD'))::int as upheld,
            count(*) filter (where c.status = 'COURT_REFERRED')::int as court_referred,
            count(d.working_index - r.working_index)::int as decided_with_days
          from complaint c
          left join working_day r on r.day = c.registered_on
          left join working_day d on d.day = c.decided_on
          left join (
            select parent_id from complaint where level = 'AUTHORITY' and parent_id is not null
          ) e on e.parent_id = c.id
          group by 1, 2, 3, 4, 5, 6
        ),
        by_service as (
          insert into compliance_service_rollup (month, provider_id, level, authority_id,
            public_service_code, total, decided, decided_on_time, escalated, upheld,
            court_referred, working_days)
          select month, provider_id, level, authority_id, public_service_code, sum(total),
            sum(decided), sum(decided_on_time), sum(escalated), sum(upheld), sum(court_referred),
            compliance_histogram(working_days, decided_with_days)
          from by_working_days
          group by 1, 2, 3, 4, 5
          order by 1, 2, 3, 4, 5
        ),
        by_service_total as (
          insert into compliance_service_total_rollup (month, public_service_code, level, total,
            decided, decided_on_time, escalated, upheld, court_referred, working_days)
          select month, public_service_code, level, sum(total), sum(decided), sum(decided_on_time),
            sum(escalated), sum(upheld), sum(court_referred),
            compliance_histogram(working_days, decided_with_days)
          from by_working_days
          group by 1, 2, 3
          order by 1, 2, 3
        )
        insert into compliance_rollup (month, provider_id, level, authority_id, total, decided,
          decided_on_time, escalated, upheld, court_referred, working_days)
        select month, provider_id, level, authority_id, sum(total), sum(decided),
          sum(decided_on_time), sum(escalated), sum(upheld), sum(court_referred),
          compliance_histogram(working_days, decided_with_days)
        from by_working_days
        group by 1, 2, 3, 4
        order by 1, 2, 3, 4;
      end $$;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists compliance_rollup_on_working_day on working_day;`);
    this.addSql(
      `drop trigger if exists compliance_rollup_on_complaint_insert_delete on complaint;`,
    );
    this.addSql(`drop trigger if exists compliance_rollup_on_complaint_update on complaint;`);
    this.addSql(`drop function if exists rebuild_compliance_rollups();`);
    this.addSql(`drop function if exists compliance_rollup_on_working_day();`);
    this.addSql(`drop function if exists compliance_rollup_on_complaint();`);
    this.addSql(`drop function if exists compliance_rollup_escalation(uuid, int);`);
    this.addSql(`drop function if exists compact_compliance_rollups();`);
    this.addSql(`drop function if exists compliance_histogram_sum(int[], int[]);`);
    this.addSql(
      `drop function if exists append_compliance_rollup_change(date, uuid, text, uuid, text, int, int, int, int, int, int, int, int, int);`,
    );
    this.addSql(`drop table if exists "compliance_rollup_change";`);
    this.addSql(`drop function if exists compliance_working_days(date, date);`);
    this.addSql(`drop aggregate if exists compliance_histogram(int, int);`);
    this.addSql(`drop function if exists compliance_histogram_add(int[], int, int);`);
    this.addSql(`drop function if exists compliance_month(date);`);
    this.addSql(`drop index if exists "complaint_decided_on_idx";`);
    this.addSql(`drop index if exists "complaint_open_registered_on_idx";`);
    this.addSql(`drop table if exists "compliance_rollup" cascade;`);
    this.addSql(`drop table if exists "compliance_service_rollup" cascade;`);
    this.addSql(`drop table if exists "compliance_service_total_rollup" cascade;`);
  }
}
