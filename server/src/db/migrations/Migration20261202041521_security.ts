import { Migration } from '@mikro-orm/migrations';

export class Migration20261202041521_security extends Migration {
  override name = 'Migration20261202041521_security';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "rate_limit" ("bucket" text not null, "key" text not null, "window_started_at" timestamptz not null, "hits" int not null, primary key ("bucket", "key"));`,
    );

    this.addSql(`alter table "app_user" add "token_version" int not null default 0;`);

    this.addSql(`alter table "complaint" add "search_text" text not null default '';`);
    // Existing rows: the database's lower() (the server lower-cases new rows itself).
    this.addSql(
      `update "complaint" set "search_text" = lower(concat_ws(' ', "incoming_number", "recipient_surname", "recipient_given_name", "recipient_patronymic", "recipient_organization_name", "description"));`,
    );
    this.addSql(
      `create index "complaint_search_idx" on "complaint" using gin (to_tsvector('simple', "search_text"));`,
    );

    this.addSql(`alter table "consent" add "evidence" text null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "rate_limit" cascade;`);

    this.addSql(`alter table "app_user" drop column "token_version";`);

    this.addSql(`drop index "complaint_search_idx";`);
    this.addSql(`alter table "complaint" drop column "search_text";`);

    this.addSql(`alter table "consent" drop column "evidence";`);
  }
}
