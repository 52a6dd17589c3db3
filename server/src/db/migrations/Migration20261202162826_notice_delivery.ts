import { Migration } from '@mikro-orm/migrations';

export class Migration20261202162826_notice_delivery extends Migration {
  override name = 'Migration20261202162826_notice_delivery';

  override up(): void | Promise<void> {
    this.addSql(
      `alter table "complaint" add "recipient_language" text null, add "recipient_notice_channels" text[] not null default '{}', add "recipient_easy_read" boolean not null default false;`,
    );
    this.addSql(
      `alter table "notice" add "language" text null, add "easy_read" boolean not null default false, add "status" text not null default 'PENDING', add "attempts" int not null default 0, add "last_error" text null, add "delivered_how" text null, add "delivered_on" date null, add "delivered_by_id" uuid null;`,
    );
    // Notices written before delivery existed: the portal's were in its reach at once; paper ones
    // wait for an officer, as new ones do.
    this.addSql(
      `update "notice" set "status" = 'DELIVERED', "delivered_how" = 'PORTAL', "delivered_at" = coalesce("delivered_at", "created_at") where "channel" = 'ELECTRONIC';`,
    );
    this.addSql(
      `alter table "notice" add constraint "notice_status_check" check ("status" in ('PENDING', 'DELIVERED', 'UNDELIVERED'));`,
    );
    // Undelivered notices for supervisors, and the portal's feed in time order.
    this.addSql(
      `create index "notice_undelivered_idx" on "notice" ("created_at") where "status" = 'UNDELIVERED';`,
    );
    this.addSql(
      `create index "notice_portal_feed_idx" on "notice" ("delivered_at", "id") where "channel" = 'ELECTRONIC';`,
    );

    // The job workers' heartbeats: the jobs of a worker silent for long are unlocked for others.
    this.addSql(
      `create table "job_worker" ("worker_id" text not null, "seen_at" timestamptz not null, primary key ("worker_id"));`,
    );

    // O5: an email or SMS notice gets its delivery job in the transaction that writes it, whatever
    // path writes it (a service, the one-statement registration); sending it again re-queues it.
    // The job key makes a second job for the same notice replace the first, never double it.
    this.addSql(`create function "enqueue_notice_delivery"() returns trigger language plpgsql as $$
      begin
        perform graphile_worker.add_job('deliver-notice', json_build_object('noticeId', new.id),
          job_key => 'notice:' || new.id, max_attempts => 8);
        return null;
      end $$;`);
    this.addSql(`create trigger "notice_delivery_job" after insert on "notice" for each row
      when (new.status = 'PENDING' and new.channel in ('EMAIL', 'SMS'))
      execute function "enqueue_notice_delivery"();`);
    this.addSql(`create trigger "notice_delivery_job_again" after update of "status" on "notice"
      for each row when (old.status <> 'PENDING' and new.status = 'PENDING'
        and new.channel in ('EMAIL', 'SMS'))
      execute function "enqueue_notice_delivery"();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "notice_delivery_job_again" on "notice";`);
    this.addSql(`drop trigger if exists "notice_delivery_job" on "notice";`);
    this.addSql(`drop function if exists "enqueue_notice_delivery"();`);
    this.addSql(`drop table if exists "job_worker" cascade;`);
    this.addSql(`drop index if exists "notice_portal_feed_idx";`);
    this.addSql(`drop index if exists "notice_undelivered_idx";`);
    this.addSql(`alter table "notice" drop constraint if exists "notice_status_check";`);
    this.addSql(
      `alter table "complaint" drop column "recipient_language", drop column "recipient_notice_channels", drop column "recipient_easy_read";`,
    );
    this.addSql(
      `alter table "notice" drop column "language", drop column "easy_read", drop column "status", drop column "attempts", drop column "last_error", drop column "delivered_how", drop column "delivered_on", drop column "delivered_by_id";`,
    );
  }
}
