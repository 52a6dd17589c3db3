import { Migration } from '@mikro-orm/migrations';

export class Migration20261202100338_compliance_rollups extends Migration {
  override name = 'Migration20261202100338_compliance_rollups';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "compliance_rollup" ("month" date not null, "provider_id" uuid not null, "level" text not null, "authority_id" uuid not null, "total" int not null default 0, "decided" int not null default 0, "decided_on_time" int not null default 0, "escalated" int not null default 0, "upheld" int not null default 0, "court_referred" int not null default 0, "working_days" int[] not null, primary key ("month", "provider_id", "level", "authority_id"));`,
    );

    this.addSql(
      `create table "compliance_service_rollup" ("month" date not null, "provider_id" uuid not null, "level" text not null, "authority_id" uuid not null, "public_service_code" varchar(50) not null, "total" int not null default 0, "decided" int not null default 0, "decided_on_time" int not null default 0, "escalated" int not null default 0, "upheld" int not null default 0, "court_referred" int not null default 0, "working_days" int[] not null, primary key ("month", "provider_id", "level", "authority_id", "public_service_code"));`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "compliance_rollup" cascade;`);
    this.addSql(`drop table if exists "compliance_service_rollup" cascade;`);
  }
}
