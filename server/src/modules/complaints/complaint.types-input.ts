import type { Channel, ComplaintSubject, Outcome, SignatureMethod } from '@complaints/domain';
import type { LocalDate } from '@complaints/calendar';
import type { ConsentData } from '../consent/index.js';

// What the service methods take: the shape of the contract's inputs, plain objects.

import type { RecipientData } from '@complaints/domain';

/** C1, C2: declared once, in @complaints/domain. */
export type { RecipientData };

export interface FileComplaintData {
  providerId: string;
  publicServiceCode?: string | null;
  official?: string | null;
  subject: ComplaintSubject;
  description: string;
  channel: Channel;
  signature: SignatureMethod;
  recipient: RecipientData;
  /** O8: written consents given with the complaint. */
  consents?: ConsentData[] | null;
  /** C4: when a paper complaint reached the office, if before now. */
  receivedAt?: Date | null;
}

export interface DecisionData {
  outcome: Outcome;
  reasoning: string;
  remedialMeasures?: string | null;
}

export interface EscalationData {
  reason: string;
  channel: Channel;
  signature: SignatureMethod;
  /** The recipient's receipt: lets the portal act on a complaint it did not file. */
  trackingCode?: string | null;
}

export interface CourtReferralData {
  court: string;
  filedOn: LocalDate;
  caseNumber?: string | null;
  /** The recipient's receipt: lets the portal act on a complaint it did not file. */
  trackingCode?: string | null;
}
