import { Migration } from '@mikro-orm/migrations';

export class Migration20261125160803_read_indexes extends Migration {
  override name = 'Migration20261125160803_read_indexes';

  override up(): void | Promise<void> {
    this.addSql(`create index "complaint_provider_id_index" on "complaint" ("provider_id");`);
    this.addSql(`create index "complaint_authority_id_index" on "complaint" ("authority_id");`);
    this.addSql(`create index "complaint_registered_on_index" on "complaint" ("registered_on");`);
    this.addSql(`create index "complaint_filed_by_id_index" on "complaint" ("filed_by_id");`);
    this.addSql(`create index "complaint_assignee_id_index" on "complaint" ("assignee_id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "complaint_provider_id_index";`);
    this.addSql(`drop index "complaint_authority_id_index";`);
    this.addSql(`drop index "complaint_registered_on_index";`);
    this.addSql(`drop index "complaint_filed_by_id_index";`);
    this.addSql(`drop index "complaint_assignee_id_index";`);
  }
}
