import { Directive, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import {
  AccessibilityNeed,
  NoticeChannel,
  NoticeLanguage,
  Channel,
  ComplaintStatus,
  ComplaintSubject,
  Outcome,
  RecipientKind,
  ReviewLevel,
  SignatureMethod,
  type Recipient as RecipientShape,
  type RecipientData,
} from '@complaints/domain';
import type { LocalDate } from '@complaints/calendar';
import { LocalDateScalar } from '../../graphql/scalars.js';
import type { ComplaintView } from './complaint-view.js';
import '../../graphql/enums.js';
import { PageInfoType } from '../../graphql/page-info.js';
import { ConsentInputType } from '../consent/index.js';

// GraphQL shapes of the complaints module. Resolvers return entities as they are: a column is
// exposed only by writing its @Field here.

@ObjectType('Recipient', {
  description: 'Who complains (C1, C2). Protected fields need consent (O8).',
})
export class RecipientType implements RecipientShape {
  /** The complaint this recipient belongs to: consent is checked per complaint. */
  complaintId!: string;
  complaint!: ComplaintView;

  @Field(() => RecipientKind, { description: 'A natural person or an organization.' })
  kind!: RecipientKind;

  @Field(() => String, { nullable: true, description: 'INDIVIDUAL only.' })
  surname!: string | null;

  @Field(() => String, { nullable: true, description: 'INDIVIDUAL only.' })
  givenName!: string | null;

  @Field(() => String, { nullable: true, description: 'INDIVIDUAL only, optional.' })
  patronymic!: string | null;

  @Field(() => String, { nullable: true, description: 'LEGAL_ENTITY only.' })
  organizationName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "LEGAL_ENTITY only: the number of the entity's outgoing letter.",
  })
  outgoingNumber!: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: "LEGAL_ENTITY only: the date of the entity's outgoing letter.",
  })
  outgoingDate!: LocalDate | null;

  @Field({ description: 'Where the answer is sent on paper.' })
  postalAddress!: string;

  @Field(() => [AccessibilityNeed], {
    description: 'O2: what the recipient needs; shown prominently and carried into every notice.',
  })
  accessibilityNeeds!: AccessibilityNeed[];

  @Field(() => NoticeLanguage, {
    nullable: true,
    description: 'O5: the language notices are written in; null: both Kazakh and Russian.',
  })
  language!: NoticeLanguage | null;

  @Field(() => [NoticeChannel], {
    description:
      'O5: how the recipient chose to be told; empty: by the filing channel (paper by post, the portal for electronic filings).',
  })
  noticeChannels!: NoticeChannel[];

  @Field({ description: 'O2: notices are written in short plain sentences (easy-read).' })
  easyRead!: boolean;

  // Protected (O8): exposed only through RecipientResolver, behind consent.
  iin!: string | null;
  bin!: string | null;
  email!: string | null;
  phone!: string | null;
}

@ObjectType('Registration', {
  description: 'The registration stamp: proof that the complaint was accepted.',
})
export class RegistrationType {
  @Field({ description: 'Unique incoming number assigned by the registering office.' })
  incomingNumber!: string;

  @Field(() => Date, { description: 'The instant the complaint was received.' })
  registeredAt!: Date;

  @Field(() => LocalDateScalar, {
    description:
      'The registration date: the next working day when received on a day off or after hours.',
  })
  registeredOn!: LocalDate;

  @Field({ description: 'Surname and name of the person who accepted the complaint.' })
  acceptedBy!: string;

  @Field(() => LocalDateScalar, { description: 'Last working day on which the answer is due.' })
  responseDeadline!: LocalDate;

  @Field({ description: 'Where the answer will be given.' })
  responsePlace!: string;
}

@ObjectType('Decision', { description: 'The result of the review (O5, O7).' })
export class DecisionType {
  @Field(() => Outcome, { description: 'Upheld, partially upheld or rejected.' })
  outcome!: Outcome;

  @Field({ description: 'Why: the facts and the rules applied.' })
  reasoning!: string;

  @Field(() => String, {
    nullable: true,
    description: "Measures taken to restore the recipient's violated rights, if any.",
  })
  remedialMeasures!: string | null;

  @Field(() => Date, { description: 'When it was decided.' })
  decidedAt!: Date;

  @Field(() => LocalDateScalar, { description: 'The date of the decision (Asia/Almaty).' })
  decidedOn!: LocalDate;

  @Field({ description: 'Who decided.' })
  decidedBy!: string;

  @Field({ description: "Decided on or before the registration's responseDeadline." })
  onTime!: boolean;
}

@ObjectType('CourtReferral', { description: 'The recipient went to court (C8, R5).' })
export class CourtReferralType {
  @Field({ description: 'The court.' })
  court!: string;

  @Field(() => LocalDateScalar, { description: 'When the claim was filed.' })
  filedOn!: LocalDate;

  @Field(() => String, { nullable: true, description: "The court's case number, when known." })
  caseNumber!: string | null;
}

@ObjectType('ComplaintEvent', { description: 'One entry of the history of a complaint.' })
export class ComplaintEventType {
  @Field(() => Date, { description: 'When it happened.' })
  at!: Date;

  @Field({ description: 'Who did it.' })
  actor!: string;

  @Field({
    description:
      'What happened: file, startReview, decide, escalate, referToCourt, withdraw, moveDeadline, assign, recordConsent, revokeConsent.',
  })
  action!: string;

  @Field(() => ComplaintStatus, { nullable: true, description: 'The status before.' })
  fromStatus!: ComplaintStatus | null;

  @Field(() => ComplaintStatus, { description: 'The status after.' })
  toStatus!: ComplaintStatus;

  @Field(() => String, {
    nullable: true,
    description: 'Details: the new deadline and why, the escalation number…',
  })
  note!: string | null;
}

@ObjectType('Complaint', {
  description: 'A complaint about a public service, at one level of review.',
})
@Directive('@key(fields: "id")')
export class ComplaintType {
  @Field(() => ID, { description: 'The complaint.' })
  id!: string;

  @Field(() => ReviewLevel, { description: 'Who reviews it.' })
  level!: ReviewLevel;

  @Field(() => ComplaintStatus, { description: 'Where it stands.' })
  status!: ComplaintStatus;

  @Field(() => Int, { description: 'Optimistic-lock version: every state change increments it.' })
  version!: number;

  @Field(() => Channel, { description: 'Paper or electronic (R4).' })
  channel!: Channel;

  @Field(() => ComplaintSubject, { description: 'What it is against.' })
  subject!: ComplaintSubject;

  @Field({ description: 'What happened, in the recipient’s words.' })
  description!: string;

  @Field(() => SignatureMethod, { description: 'How the recipient signed (C3).' })
  signature!: SignatureMethod;

  @Field(() => String, {
    nullable: true,
    description: "The provider's official concerned, if named.",
  })
  official!: string | null;
}

@ObjectType('ComplaintStage', {
  description: 'What a recipient may learn about the stage of their complaint without logging in.',
})
export class ComplaintStageType {
  @Field({ description: 'The incoming number.' })
  incomingNumber!: string;

  @Field(() => ReviewLevel, { description: 'Who reviews it.' })
  level!: ReviewLevel;

  @Field(() => ComplaintStatus, { description: 'Where it stands.' })
  status!: ComplaintStatus;

  @Field(() => LocalDateScalar, { description: 'When the answer is due.' })
  responseDeadline!: LocalDate;

  @Field(() => Outcome, { nullable: true, description: 'The outcome, once decided.' })
  outcome!: Outcome | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The date of the decision.' })
  decidedOn!: LocalDate | null;
}

@ObjectType('ComplaintReceipt', {
  description:
    'Handed to the recipient once, at registration: the stamp and the code to ask for the stage.',
})
export class ComplaintReceiptType {
  @Field(() => ComplaintType, { description: 'The registered complaint.' })
  complaint!: ComplaintType;

  @Field({ description: 'O6: the code to ask for the stage; shown only here.' })
  trackingCode!: string;
}

@InputType('ComplaintFilter', { description: 'Narrows the case queue.' })
export class ComplaintFilterInput {
  @Field(() => [ComplaintStatus], { nullable: true, description: 'Any of these statuses.' })
  status?: ComplaintStatus[] | null;

  @Field(() => ReviewLevel, { nullable: true, description: 'Only this level.' })
  level?: ReviewLevel | null;

  @Field(() => ID, { nullable: true, description: 'Only complaints about this provider.' })
  providerId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only complaints reviewed by this authority department.',
  })
  authorityId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only overdue (true) or only not overdue (false).',
  })
  overdue?: boolean | null;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Deadline before this date.' })
  dueBefore?: LocalDate | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Registered on or after this date.',
  })
  registeredFrom?: LocalDate | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Registered on or before this date.',
  })
  registeredTo?: LocalDate | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Finds complaints whose incoming number, recipient’s name or organization, or description has words starting with each given word (at most 100 characters).',
  })
  search?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Only the cases assigned to the logged-in user.',
  })
  assignedToMe?: boolean | null;
}

@InputType('RecipientInput', { description: 'Who complains (C1, C2).' })
export class RecipientInputType implements RecipientData {
  @Field(() => RecipientKind, { description: 'A natural person or an organization.' })
  kind!: RecipientKind;

  @Field(() => String, { nullable: true, description: 'INDIVIDUAL: surname (C1).' })
  surname?: string | null;

  @Field(() => String, { nullable: true, description: 'INDIVIDUAL: given name (C1).' })
  givenName?: string | null;

  @Field(() => String, { nullable: true, description: 'INDIVIDUAL: patronymic, optional (C1).' })
  patronymic?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '12-digit individual identification number (IIN), checksum-valid, optional.',
  })
  iin?: string | null;

  @Field(() => String, { nullable: true, description: 'LEGAL_ENTITY: its name (C2).' })
  organizationName?: string | null;

  @Field(() => String, {
    nullable: true,
    description: '12-digit BIN, checksum-valid; required for LEGAL_ENTITY.',
  })
  bin?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'LEGAL_ENTITY: the number of its outgoing letter (C2).',
  })
  outgoingNumber?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'LEGAL_ENTITY: the date of its outgoing letter (C2).',
  })
  outgoingDate?: LocalDate | null;

  @Field({ description: 'Postal address (C1, C2).' })
  postalAddress!: string;

  @Field(() => String, { nullable: true, description: 'Email, optional; protected data (O8).' })
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Phone, optional; protected data (O8).' })
  phone?: string | null;

  @Field(() => [AccessibilityNeed], {
    nullable: true,
    description: 'O2: what the recipient needs.',
  })
  accessibilityNeeds?: AccessibilityNeed[] | null;

  @Field(() => NoticeLanguage, {
    nullable: true,
    description: 'O5: the language for notices (KK or RU); absent: both.',
  })
  language?: NoticeLanguage | null;

  @Field(() => [NoticeChannel], {
    nullable: true,
    description:
      'O5: how to tell the recipient: EMAIL (needs email), SMS (needs phone), PORTAL (electronic filings), PAPER. Absent: by the filing channel.',
  })
  noticeChannels?: NoticeChannel[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'O2: write the notices in short plain sentences (easy-read).',
  })
  easyRead?: boolean | null;
}

@InputType('FileComplaintInput', { description: 'A complaint to register (C1–C5).' })
export class FileComplaintInputType {
  @Field(() => ID, { description: 'The provider complained about.' })
  providerId!: string;

  @Field(() => String, { nullable: true, description: 'The public service concerned (R2).' })
  publicServiceCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The provider's official concerned, if named.",
  })
  official?: string | null;

  @Field(() => ComplaintSubject, { description: 'What it is against.' })
  subject!: ComplaintSubject;

  @Field({ description: 'What happened.' })
  description!: string;

  @Field(() => Channel, { description: 'Paper or electronic.' })
  channel!: Channel;

  @Field(() => SignatureMethod, {
    description: 'A complaint is accepted only when the recipient has signed it.',
  })
  signature!: SignatureMethod;

  @Field(() => RecipientInputType, { description: 'Who complains.' })
  recipient!: RecipientInputType;

  @Field(() => [ConsentInputType], {
    nullable: true,
    description: 'O8: written consents given with the complaint, if any.',
  })
  consents?: ConsentInputType[] | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'C4: when a PAPER complaint reached the office, if earlier than now (a letter that arrived yesterday), within the last 30 days; the registration date follows from it (a day off or after hours: the next working day). Absent: now.',
  })
  receivedAt?: Date | null;
}

@InputType('DecisionInput', { description: 'A decision (O5, O7).' })
export class DecisionInputType {
  @Field(() => Outcome, { description: 'The outcome.' })
  outcome!: Outcome;

  @Field({ description: 'Why.' })
  reasoning!: string;

  @Field(() => String, {
    nullable: true,
    description: 'O7: required when UPHELD or PARTIALLY_UPHELD.',
  })
  remedialMeasures?: string | null;
}

@InputType('EscalationInput', {
  description: 'A complaint to the authority about the provider’s result (C6).',
})
export class EscalationInputType {
  @Field({
    description:
      "Why the recipient disagrees with the provider's result (or that the provider did not answer in time).",
  })
  reason!: string;

  @Field(() => Channel, { description: 'Paper or electronic.' })
  channel!: Channel;

  @Field(() => SignatureMethod, { description: 'How the recipient signed (C3).' })
  signature!: SignatureMethod;

  @Field(() => String, {
    nullable: true,
    description:
      "PARTNER: the tracking code of the complaint's receipt, the recipient's proof that the portal acts for them on a complaint it did not file itself.",
  })
  trackingCode?: string | null;
}

@InputType('CourtReferralInput', { description: 'The recipient went to court (C8).' })
export class CourtReferralInputType {
  @Field({ description: 'The court.' })
  court!: string;

  @Field(() => LocalDateScalar, { description: 'When the claim was filed (not after today).' })
  filedOn!: LocalDate;

  @Field(() => String, { nullable: true, description: "The court's case number, when known." })
  caseNumber?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "PARTNER: the tracking code of the complaint's receipt, the recipient's proof that the portal acts for them on a complaint it did not file itself.",
  })
  trackingCode?: string | null;
}

@ObjectType('ComplaintEdge', { description: 'One complaint of a page, with its cursor.' })
export class ComplaintEdgeType {
  @Field({ description: 'Pass as `after` to continue after this complaint.' })
  cursor!: string;

  @Field(() => ComplaintType, { description: 'The complaint.' })
  node!: ComplaintType;
}

@ObjectType('ComplaintConnection', { description: 'A page of complaints, by deadline.' })
export class ComplaintConnectionType {
  @Field(() => [ComplaintEdgeType], { description: 'The complaints of this page.' })
  edges!: ComplaintEdgeType[];

  @Field(() => PageInfoType, { description: 'Where the page ends.' })
  pageInfo!: PageInfoType;

  /** Counted only when asked for: one count(*). */
  countTotal!: () => Promise<number>;
}
