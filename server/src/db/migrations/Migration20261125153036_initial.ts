import { Migration } from '@mikro-orm/migrations';

export class Migration20261125153036_initial extends Migration {
  override name = 'Migration20261125153036_initial';

  override up(): void | Promise<void> {
    this.addSql(
      `create table "audit_record" ("id" bigserial primary key, "at" timestamptz not null, "actor_id" uuid null, "actor" text not null, "action" text not null, "entity_type" text not null, "entity_id" text not null, "change" jsonb not null, "digest" text not null, "previous_hash" text not null, "hash" text not null);`,
    );
    this.addSql(`create index "audit_record_at_index" on "audit_record" ("at");`);
    this.addSql(`create index "audit_record_actor_id_index" on "audit_record" ("actor_id");`);
    this.addSql(`create index "audit_record_action_index" on "audit_record" ("action");`);
    this.addSql(
      `alter table "audit_record" add constraint "audit_record_hash_unique" unique ("hash");`,
    );
    this.addSql(
      `create index "audit_record_entity_type_entity_id_index" on "audit_record" ("entity_type", "entity_id");`,
    );

    this.addSql(
      `create table "authority" ("id" uuid not null, "name_kk" text not null, "name_ru" text not null, "region" text not null, "postal_address" text not null, "office_code" varchar(32) not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "authority" add constraint "authority_region_unique" unique ("region");`,
    );
    this.addSql(
      `alter table "authority" add constraint "authority_office_code_unique" unique ("office_code");`,
    );

    this.addSql(
      `create table "calendar_override" ("date" date not null, "working" boolean not null, "reason" text not null, "set_by_id" uuid null, "set_at" timestamptz not null, primary key ("date"));`,
    );

    this.addSql(
      `create table "incoming_number_counter" ("office_code" text not null, "year" int not null, "last_value" int not null, primary key ("office_code", "year"));`,
    );

    this.addSql(
      `create table "provider" ("id" uuid not null, "bin" varchar(12) not null, "name_kk" text not null, "name_ru" text not null, "region" text not null, "postal_address" text not null, "office_code" varchar(32) not null, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "provider" add constraint "provider_bin_unique" unique ("bin");`);
    this.addSql(`create index "provider_region_index" on "provider" ("region");`);
    this.addSql(
      `alter table "provider" add constraint "provider_office_code_unique" unique ("office_code");`,
    );

    this.addSql(
      `create table "public_service" ("code" varchar(50) not null, "name_kk" text not null, "name_ru" text not null, "provider_kind" text not null, "standard_term_working_days" int not null, "forms" text[] not null, "documents_required" jsonb not null, primary key ("code"));`,
    );

    this.addSql(
      `create table "app_user" ("id" uuid not null, "email" text not null, "display_name" text not null, "role" text not null, "provider_id" uuid null, "authority_id" uuid null, "password_hash" text not null, "active" boolean not null default true, "created_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(
      `create table "complaint" ("id" uuid not null, "level" text not null, "status" text not null, "version" int not null default 1, "channel" text not null, "subject" text not null, "description" text not null, "signature" text not null, "recipient_kind" text not null, "recipient_surname" text null, "recipient_given_name" text null, "recipient_patronymic" text null, "recipient_iin" varchar(12) null, "recipient_organization_name" text null, "recipient_bin" varchar(12) null, "recipient_outgoing_number" text null, "recipient_outgoing_date" date null, "recipient_postal_address" text not null, "recipient_email" text null, "recipient_phone" text null, "recipient_accessibility_needs" text[] not null, "provider_id" uuid not null, "authority_id" uuid null, "public_service_code" varchar(50) null, "official" text null, "incoming_number" text not null, "registered_at" timestamptz not null, "registered_on" date not null, "accepted_by" text not null, "response_deadline" date not null, "response_place" text not null, "office_code" text not null, "outcome" text null, "reasoning" text null, "remedial_measures" text null, "decided_at" timestamptz null, "decided_on" date null, "decided_by" text null, "court_referral_court" text null, "court_referral_filed_on" date null, "court_referral_case_number" text null, "parent_id" uuid null, "tracking_code_hash" text not null, "filed_by_id" uuid null, "assignee_id" uuid null, "withdrawal_reason" text null, "created_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`,
    );
    this.addSql(
      `alter table "complaint" add constraint "complaint_incoming_number_unique" unique ("incoming_number");`,
    );
    this.addSql(
      `alter table "complaint" add constraint "complaint_parent_id_unique" unique ("parent_id");`,
    );
    this.addSql(`create index "complaint_queue_idx" on "complaint" ("response_deadline", "id");`);
    this.addSql(`create index "complaint_status_index" on "complaint" ("status");`);

    this.addSql(
      `create table "notice" ("id" uuid not null, "complaint_id" uuid not null, "kind" text not null, "channel" text not null, "addressee" text not null, "destination" text not null, "accessibility_needs" text[] not null, "content" jsonb not null, "created_at" timestamptz not null, "delivered_at" timestamptz null, primary key ("id"));`,
    );
    this.addSql(`create index "notice_complaint_id_index" on "notice" ("complaint_id");`);

    this.addSql(
      `create table "consent" ("id" uuid not null, "complaint_id" uuid not null, "scope" text[] not null, "signed_by" text not null, "method" text not null, "signed_on" date not null, "recorded_at" timestamptz not null, "recorded_by_id" uuid null, "revoked_at" timestamptz null, "revoked_by_id" uuid null, primary key ("id"));`,
    );
    this.addSql(`create index "consent_complaint_id_index" on "consent" ("complaint_id");`);

    this.addSql(
      `create table "complaint_event" ("id" bigserial primary key, "complaint_id" uuid not null, "at" timestamptz not null, "actor_id" uuid null, "actor" text not null, "action" text not null, "from_status" text null, "to_status" text not null, "note" text null);`,
    );
    this.addSql(
      `create index "complaint_event_complaint_id_at_index" on "complaint_event" ("complaint_id", "at");`,
    );

    this.addSql(
      `alter table "app_user" add constraint "app_user_provider_id_foreign" foreign key ("provider_id") references "provider" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "app_user" add constraint "app_user_authority_id_foreign" foreign key ("authority_id") references "authority" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "app_user" add constraint "app_user_role_check" check ("role" in ('SUPERVISOR', 'INSPECTOR', 'ANALYST', 'PROVIDER_OFFICER', 'PARTNER'));`,
    );

    this.addSql(
      `alter table "complaint" add constraint "complaint_provider_id_foreign" foreign key ("provider_id") references "provider" ("id");`,
    );
    this.addSql(
      `alter table "complaint" add constraint "complaint_authority_id_foreign" foreign key ("authority_id") references "authority" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "complaint" add constraint "complaint_parent_id_foreign" foreign key ("parent_id") references "complaint" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "complaint" add constraint "complaint_filed_by_id_foreign" foreign key ("filed_by_id") references "app_user" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "complaint" add constraint "complaint_assignee_id_foreign" foreign key ("assignee_id") references "app_user" ("id") on delete set null;`,
    );
    this.addSql(
      `alter table "complaint" add constraint "complaint_level_check" check ("level" in ('PROVIDER', 'AUTHORITY'));`,
    );
    this.addSql(
      `alter table "complaint" add constraint "complaint_status_check" check ("status" in ('REGISTERED', 'IN_REVIEW', 'DECIDED', 'ESCALATED', 'COURT_REFERRED', 'WITHDRAWN'));`,
    );
    this.addSql(
      `alter table "complaint" add constraint "complaint_channel_check" check ("channel" in ('PAPER', 'ELECTRONIC'));`,
    );
    this.addSql(
      `alter table "complaint" add constraint "complaint_subject_check" check ("subject" in ('DECISION', 'ACTION', 'INACTION'));`,
    );
    this.addSql(
      `alter table "complaint" add constraint "complaint_signature_check" check ("signature" in ('HANDWRITTEN', 'DIGITAL'));`,
    );
    this.addSql(
      `alter table "complaint" add constraint "complaint_recipient_kind_check" check ("recipient_kind" in ('INDIVIDUAL', 'LEGAL_ENTITY'));`,
    );
    this.addSql(
      `alter table "complaint" add constraint "complaint_outcome_check" check ("outcome" in ('UPHELD', 'PARTIALLY_UPHELD', 'REJECTED'));`,
    );

    this.addSql(
      `alter table "notice" add constraint "notice_complaint_id_foreign" foreign key ("complaint_id") references "complaint" ("id");`,
    );

    this.addSql(
      `alter table "consent" add constraint "consent_complaint_id_foreign" foreign key ("complaint_id") references "complaint" ("id");`,
    );
    this.addSql(
      `alter table "consent" add constraint "consent_method_check" check ("method" in ('HANDWRITTEN', 'DIGITAL'));`,
    );

    this.addSql(
      `alter table "complaint_event" add constraint "complaint_event_complaint_id_foreign" foreign key ("complaint_id") references "complaint" ("id");`,
    );
    this.addSql(
      `alter table "complaint_event" add constraint "complaint_event_from_status_check" check ("from_status" in ('REGISTERED', 'IN_REVIEW', 'DECIDED', 'ESCALATED', 'COURT_REFERRED', 'WITHDRAWN'));`,
    );
    this.addSql(
      `alter table "complaint_event" add constraint "complaint_event_to_status_check" check ("to_status" in ('REGISTERED', 'IN_REVIEW', 'DECIDED', 'ESCALATED', 'COURT_REFERRED', 'WITHDRAWN'));`,
    );
    // The audit trail is append-only: the database itself refuses to change or remove a record.
    this.addSql(
      `create function "audit_record_append_only"() returns trigger language plpgsql as $$ begin raise exception 'audit_record is append-only'; end $$;`,
    );
    this.addSql(
      `create trigger "audit_record_no_update_delete" before update or delete on "audit_record" for each row execute function "audit_record_append_only"();`,
    );
    this.addSql(
      `create trigger "audit_record_no_truncate" before truncate on "audit_record" for each statement execute function "audit_record_append_only"();`,
    );
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists "audit_record_no_truncate" on "audit_record";`);
    this.addSql(`drop trigger if exists "audit_record_no_update_delete" on "audit_record";`);
    this.addSql(`drop function if exists "audit_record_append_only"();`);
    this.addSql(`alter table "app_user" drop constraint "app_user_authority_id_foreign";`);
    this.addSql(`alter table "complaint" drop constraint "complaint_authority_id_foreign";`);
    this.addSql(`alter table "app_user" drop constraint "app_user_provider_id_foreign";`);
    this.addSql(`alter table "complaint" drop constraint "complaint_provider_id_foreign";`);
    this.addSql(`alter table "complaint" drop constraint "complaint_filed_by_id_foreign";`);
    this.addSql(`alter table "complaint" drop constraint "complaint_assignee_id_foreign";`);
    this.addSql(`alter table "complaint" drop constraint "complaint_parent_id_foreign";`);
    this.addSql(`alter table "notice" drop constraint "notice_complaint_id_foreign";`);
    this.addSql(`alter table "consent" drop constraint "consent_complaint_id_foreign";`);
    this.addSql(
      `alter table "complaint_event" drop constraint "complaint_event_complaint_id_foreign";`,
    );

    this.addSql(`drop table if exists "audit_record" cascade;`);
    this.addSql(`drop table if exists "authority" cascade;`);
    this.addSql(`drop table if exists "calendar_override" cascade;`);
    this.addSql(`drop table if exists "incoming_number_counter" cascade;`);
    this.addSql(`drop table if exists "provider" cascade;`);
    this.addSql(`drop table if exists "public_service" cascade;`);
    this.addSql(`drop table if exists "app_user" cascade;`);
    this.addSql(`drop table if exists "complaint" cascade;`);
    this.addSql(`drop table if exists "notice" cascade;`);
    this.addSql(`drop table if exists "consent" cascade;`);
    this.addSql(`drop table if exists "complaint_event" cascade;`);
  }
}
