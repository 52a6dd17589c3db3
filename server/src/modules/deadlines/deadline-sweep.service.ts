import type { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@complaints/calendar';
import type { RequestCtx } from '../../context.js';
import { runStatement, sql } from '../../db/statement.js';
import { requireRole } from '../access/index.js';
import type { AuditService } from '../audit/index.js';
import { almatyDate, type WorkingCalendarService } from '../calendar/index.js';
import { Complaint } from '../complaints/index.js';
import type { NotificationService } from '../notifications/index.js';
import type { DeadlineFlagKind } from './deadline-flag.entity.js';

export interface SweepResult {
  sweptOn: LocalDate;
  dueSoon: string[];
  overdue: string[];
}

export interface DeadlineReminder {
  complaintId: string;
  incomingNumber: string;
  kind: DeadlineFlagKind;
  responseDeadline: LocalDate;
  level: string;
  assigneeId: string | null;
}

/**
 * Deadlines that watch themselves: every working morning open complaints due by the next working
 * day are flagged (the assignee, or else the office, is reminded), and those past their deadline
 * are flagged overdue (their office and the supervisors are told; C6: the recipient of a
 * provider that did not answer in time is told of the right to go to the authority).
 */
export class DeadlineSweepService {
  constructor(
    private readonly calendars: WorkingCalendarService,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
  ) {}

  /**
   * One sweep, in one transaction: flags, their history and notices, and one audit record. Run
   * twice on a day (two replicas, a retried job), the second finds every flag there and does
   * nothing: no reminder twice a day, no notice twice. Not a working day: nothing.
   */
  async sweep(ctx: RequestCtx): Promise<SweepResult | null> {
    const calendar = await this.calendars.calendar(ctx.em);
    const today = almatyDate(ctx.now);
    if (!calendar.isWorkingDay(today)) return null;
    const dueBy = calendar.addWorkingDays(today, 1);
    return ctx.em.transactional(async (em) => {
      const flagged = await runStatement<{ complaint_id: string; kind: DeadlineFlagKind }>(
        em,
        sql`with flagged as (
            insert into deadline_flag (complaint_id, kind, day, swept_on, created_at)
            select c.id,
                   case when c.response_deadline < ${today}::date then 'OVERDUE' else 'DUE_SOON' end,
                   case when c.response_deadline < ${today}::date then c.response_deadline
                        else ${today}::date end,
                   ${today}::date, ${ctx.now}::timestamptz
              from complaint c
             where c.status in ('REGISTERED', 'IN_REVIEW') and c.response_deadline <= ${dueBy}::date
            on conflict (complaint_id, kind, day) do nothing
            returning complaint_id, kind, day),
          history as (
            insert into complaint_event (complaint_id, at, actor_id, actor, action, from_status,
                                         to_status, note)
            select f.complaint_id, ${ctx.now}::timestamptz, null, ${ctx.actor?.displayName ?? 'system'}::text,
                   case f.kind when 'OVERDUE' then 'flagOverdue' else 'flagDueSoon' end,
                   c.status, c.status, f.day::text
              from flagged f join complaint c on c.id = f.complaint_id
            returning 1)
        select f.complaint_id, f.kind from flagged f, (select count(*) from history) written
         order by f.kind, f.complaint_id`,
      );
      const overdue = flagged.filter((f) => f.kind === 'OVERDUE').map((f) => f.complaint_id);
      const dueSoon = flagged.filter((f) => f.kind === 'DUE_SOON').map((f) => f.complaint_id);
      await this.tellOfTheRightToEscalate(em, ctx, overdue);
      if (flagged.length > 0) {
        await this.audit.record(em, ctx, {
          action: 'deadline.sweep',
          entityType: 'DeadlineSweep',
          entityId: today,
          change: { dueBy, dueSoon, overdue },
        });
      }
      return { sweptOn: today, dueSoon, overdue };
    });
  }

  /** C6: a provider's deadline passed without a decision: the recipient may go to the authority. */
  private async tellOfTheRightToEscalate(
    em: EntityManager,
    ctx: RequestCtx,
    overdueIds: readonly string[],
  ): Promise<void> {
    if (overdueIds.length === 0) return;
    const complaints = await em.find(Complaint, {
      id: { $in: [...overdueIds] },
      level: 'PROVIDER',
    });
    for (const complaint of complaints) {
      this.notifications.notify(
        em,
        complaint,
        'DEADLINE_PASSED',
        {
          incomingNumber: complaint.registration.incomingNumber,
          responseDeadline: complaint.registration.responseDeadline,
        },
        ctx.now,
      );
    }
    await em.flush();
  }

  /**
   * Staff: today's reminders for the caller: an officer's provider; an inspector's cases (or the
   * unassigned) at their department; a supervisor's department, and every overdue provider case
   * of its region. Newest sweep only, overdue first, at most 200.
   */
  async reminders(ctx: RequestCtx): Promise<DeadlineReminder[]> {
    const actor = requireRole(ctx, 'PROVIDER_OFFICER', 'INSPECTOR', 'SUPERVISOR');
    const rows = await runStatement<{
      complaint_id: string;
      incoming_number: string;
      kind: DeadlineFlagKind;
      response_deadline: string;
      level: string;
      assignee_id: string | null;
    }>(
      ctx.em,
      sql`select f.complaint_id, c.incoming_number, f.kind, c.response_deadline::text,
                 c.level, c.assignee_id
            from deadline_flag f join complaint c on c.id = f.complaint_id
            join provider p on p.id = c.provider_id
           where f.swept_on = (select max(swept_on) from deadline_flag)
             and c.status in ('REGISTERED', 'IN_REVIEW')
             and case ${actor.role}::text
               when 'PROVIDER_OFFICER' then c.level = 'PROVIDER' and c.provider_id = ${actor.providerId}::uuid
               when 'INSPECTOR' then c.level = 'AUTHORITY' and c.authority_id = ${actor.authorityId}::uuid
                 and (c.assignee_id = ${actor.userId}::uuid or c.assignee_id is null)
               else (c.level = 'AUTHORITY' and c.authority_id = ${actor.authorityId}::uuid)
                 or (f.kind = 'OVERDUE' and c.level = 'PROVIDER'
                     and p.region = (select region from authority where id = ${actor.authorityId}::uuid))
             end
           order by f.kind desc, c.response_deadline, c.id
           limit 200`,
    );
    return rows.map((r) => ({
      complaintId: r.complaint_id,
      incomingNumber: r.incoming_number,
      kind: r.kind,
      responseDeadline: r.response_deadline,
      level: r.level,
      assigneeId: r.assignee_id,
    }));
  }
}
