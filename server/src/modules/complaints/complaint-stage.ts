import type { EntityManager } from '@mikro-orm/postgresql';
import type { LocalDate } from '@complaints/calendar';
import type { ComplaintStatus, Outcome, ReviewLevel } from '@complaints/domain';
import { Complaint } from './complaint.entity.js';
import { trackingCodeMatches } from './tracking-code.js';

/** O6: what anyone with the number and the code may learn. */
export interface ComplaintStage {
  incomingNumber: string;
  level: ReviewLevel;
  status: ComplaintStatus;
  responseDeadline: LocalDate;
  outcome: Outcome | null;
  decidedOn: LocalDate | null;
}

/** O6: the stage, for anyone holding both the incoming number and the tracking code. */
export async function stageOf(
  em: EntityManager,
  incomingNumber: string,
  trackingCode: string,
): Promise<ComplaintStage | null> {
  const complaint = await em.findOne(Complaint, {
    registration: { incomingNumber: incomingNumber.trim() },
  });
  // Hash even when the number is unknown, so the answer takes the same time either way.
  const matches = trackingCodeMatches(
    complaint?.id ?? '00000000-0000-0000-0000-000000000000',
    trackingCode,
    complaint?.trackingCodeHash ?? '0'.repeat(64),
  );
  if (!complaint || !matches) return null;
  return {
    incomingNumber: complaint.registration.incomingNumber,
    level: complaint.level,
    status: complaint.status,
    responseDeadline: complaint.registration.responseDeadline,
    outcome: complaint.decision?.outcome ?? null,
    decidedOn: complaint.decision?.decidedOn ?? null,
  };
}
