import { AuditChainHead } from '../modules/audit/audit-chain-head.entity.js';
import { AuditRecord } from '../modules/audit/audit-record.entity.js';
import { Authority } from '../modules/authorities/authority.entity.js';
import { CalendarOverride } from '../modules/calendar/calendar-override.entity.js';
import { WorkingDay } from '../modules/calendar/working-day.entity.js';
import {
  Complaint,
  CourtReferral,
  Decision,
  Recipient,
  Registration,
} from '../modules/complaints/complaint.entity.js';
import { ComplaintEvent } from '../modules/complaints/complaint-event.entity.js';
import { IncomingNumberCounter } from '../modules/complaints/incoming-number-counter.entity.js';
import {
  ComplianceRollup,
  ComplianceServiceRollup,
  ComplianceServiceTotalRollup,
} from '../modules/metrics/compliance-rollup.entity.js';
import { Consent } from '../modules/consent/consent.entity.js';
import { Notice } from '../modules/notifications/notice.entity.js';
import { Provider } from '../modules/providers/provider.entity.js';
import { RateLimitCounter } from '../modules/rate-limits/rate-limit.entity.js';
import { PublicService } from '../modules/services/public-service.entity.js';
import { LoginThrottle } from '../modules/users/login-throttle.entity.js';
import { User } from '../modules/users/user.entity.js';

export const entities = [
  Provider,
  Authority,
  PublicService,
  User,
  LoginThrottle,
  RateLimitCounter,
  Recipient,
  Registration,
  Decision,
  CourtReferral,
  Complaint,
  ComplaintEvent,
  IncomingNumberCounter,
  CalendarOverride,
  WorkingDay,
  ComplianceRollup,
  ComplianceServiceRollup,
  ComplianceServiceTotalRollup,
  Consent,
  Notice,
  AuditRecord,
  AuditChainHead,
];
