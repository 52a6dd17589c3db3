import { Migration } from '@mikro-orm/migrations';

export class Migration20261202170103_deadline_sweep extends Migration {
  override name = 'Migration20261202170103_deadline_sweep';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "deadline_flag" ("id" bigserial primary key, "complaint_id" uuid not null, "kind" text not null, "day" date not null, "swept_on" date not null, "created_at" timestamptz not null);`,
    );
    this.addSql(`create index "deadline_flag_swept_on_index" on "deadline_flag" ("swept_on");`);
    this.addSql(
      `alter table "deadline_flag" add constraint "deadline_flag_complaint_id_kind_day_unique" unique ("complaint_id", "kind", "day");`,
    );
    this.addSql(
      `alter table "deadline_flag" add constraint "deadline_flag_complaint_id_foreign" foreign key ("complaint_id") references "complaint" ("id");`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "deadline_flag" cascade;`);
  }
}
