import { Migration } from '@mikro-orm/migrations';

export class Migration20261125155846_login_throttle extends Migration {
  override name = 'Migration20261125155846_login_throttle';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "login_throttle" ("email" text not null, "failures" int not null, "last_failure_at" timestamptz not null, primary key ("email"));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "login_throttle" cascade;`);
  }
}
