import { AuditChainHead, AuditRecord } from '../modules/audit/index.js';
import { Authority } from '../modules/authorities/index.js';
import { CalendarOverride, WorkingDay } from '../modules/calendar/index.js';
import {
  Complaint,
  CourtReferral,
  Decision,
  Recipient,
  Registration,
  ComplaintEvent,
  IncomingNumberCounter,
} from '../modules/complaints/index.js';
import {
  ComplianceRollup,
  ComplianceServiceRollup,
  ComplianceServiceTotalRollup,
} from '../modules/metrics/index.js';
import { Consent } from '../modules/consent/index.js';
import { Notice } from '../modules/notifications/index.js';
import { Provider } from '../modules/providers/index.js';
import { RateLimitCounter } from '../modules/rate-limits/index.js';
import { PublicService } from '../modules/services/index.js';
import { LoginThrottle, User } from '../modules/users/index.js';

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
