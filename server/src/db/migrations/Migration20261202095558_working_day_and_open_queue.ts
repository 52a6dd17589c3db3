import { Migration } from '@mikro-orm/migrations';
import { WorkingCalendar, type CalendarOverride } from '@complaints/calendar';
import { syncWorkingDaysSql, workingDayArrays } from '../../modules/calendar/working-day-table.js';

export class Migration20261202095558_working_day_and_open_queue extends Migration {
  override name = 'Migration20261202095558_working_day_and_open_queue';

  override async up(): Promise<void> {
    this.addSql(
      `create table "working_day" ("day" date not null, "working" boolean not null, "working_index" int not null, primary key ("day"));`,
    );
    // Filled from the calendar as it stands (rules and stored overrides); kept in step at every
    // start and with every calendar change.
    const overrides = (await this.execute(
      `select to_char("date", 'YYYY-MM-DD') as "date", "working", "reason" from "calendar_override"`,
    )) as unknown as CalendarOverride[];
    this.addSql(syncWorkingDaysSql(workingDayArrays(new WorkingCalendar({ overrides }))));

    this.addSql(
      `create index "complaint_provider_open_queue_idx" on "complaint" ("provider_id", "response_deadline", "id") where "status" in ('REGISTERED', 'IN_REVIEW');`,
    );
    this.addSql(
      `create index "complaint_open_queue_idx" on "complaint" ("response_deadline", "id") where "status" in ('REGISTERED', 'IN_REVIEW');`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "working_day" cascade;`);

    this.addSql(`drop index "complaint_provider_open_queue_idx";`);
    this.addSql(`drop index "complaint_open_queue_idx";`);
  }
}
