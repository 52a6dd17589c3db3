import { Migration } from '@mikro-orm/migrations';

export class Migration20261202101921_filing extends Migration {
  override name = 'Migration20261202101921_filing';

  override up(): void | Promise<void> {
    // The audit chain's head: every append upserts it in the statement that inserts the record.
    this.addSql(
      `create table "audit_chain_head" ("id" int not null, "previous_hash" text not null, "hash" text not null, primary key ("id"));`,
    );
    // An existing chain goes on from its newest record; an empty one starts at the genesis hash
    // (the first append inserts the row).
    this.addSql(
      `insert into "audit_chain_head" ("id", "previous_hash", "hash") select 1, "previous_hash", "hash" from "audit_record" order by "id" desc limit 1;`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "audit_chain_head" cascade;`);
  }
}
