import { registerEnumType } from 'type-graphql';
import {
  COMPLAINT_OPERATIONS,
  type ComplaintOperation,
  AccessibilityNeed,
  Channel,
  ComplaintStatus,
  ComplaintSubject,
  ConsentScope,
  MetricsGroupBy,
  NoticeChannel,
  NoticeLanguage,
  Outcome,
  RecipientKind,
  ReviewLevel,
  Role,
  SignatureMethod,
} from '@complaints/domain';

// The contract's enums, registered once with their descriptions. They stay in one file, not with
// a module: their values are the domain's vocabulary (packages/domain, shared with the admin),
// and several modules' types name the same one (Channel: services and complaints; ReviewLevel:
// complaints and metrics; AccessibilityNeed: complaints and notifications; SignatureMethod:
// complaints and consent). A module whose GraphQL types name one imports this file from them.

registerEnumType(Role, {
  name: 'Role',
  description: 'What a user may do.',
  valuesConfig: {
    SUPERVISOR: {
      description:
        'Quality-control authority: assigns cases, manages users and the working calendar, sees the audit trail.',
    },
    INSPECTOR: {
      description: 'Quality-control authority: reviews and decides authority-level complaints.',
    },
    ANALYST: { description: "Reads compliance metrics; never sees a recipient's personal data." },
    PROVIDER_OFFICER: {
      description:
        'Works for one service provider: registers and decides complaints against that provider only.',
    },
    PARTNER: {
      description:
        'A partner system (e.g. the e-government portal): files complaints and escalations, reads their stage.',
    },
  },
});

registerEnumType(RecipientKind, {
  name: 'RecipientKind',
  description: 'Who complains: a natural person or an organization (C1, C2).',
  valuesConfig: {
    INDIVIDUAL: { description: 'A natural person (C1): surname, given name, postal address.' },
    LEGAL_ENTITY: {
      description: 'An organization (C2): name, BIN, postal address, outgoing number and date.',
    },
  },
});

registerEnumType(Channel, {
  name: 'Channel',
  description: 'How a complaint reached the office (R4).',
  valuesConfig: {
    PAPER: { description: 'On paper, at the office.' },
    ELECTRONIC: { description: 'Electronically, e.g. through the e-government portal.' },
  },
});

registerEnumType(ComplaintSubject, {
  name: 'ComplaintSubject',
  description:
    'What the complaint is against: a decision, an action, or an inaction of the provider or its official.',
  valuesConfig: {
    DECISION: { description: 'A decision of the provider or its official.' },
    ACTION: { description: 'An action of the provider or its official.' },
    INACTION: { description: 'An inaction: something the provider did not do.' },
  },
});

registerEnumType(ReviewLevel, {
  name: 'ReviewLevel',
  description:
    'Who reviews it: the service provider (5 working days) or the quality-control authority (15 working days).',
  valuesConfig: {
    PROVIDER: { description: 'The service provider, within 5 working days (C5).' },
    AUTHORITY: { description: 'The quality-control authority, within 15 working days (C7).' },
  },
});

registerEnumType(ComplaintStatus, {
  name: 'ComplaintStatus',
  description: 'Where a complaint stands in the procedure.',
  valuesConfig: {
    REGISTERED: { description: 'Registered; the review has not started.' },
    IN_REVIEW: { description: 'Under review.' },
    DECIDED: { description: 'Decided; the recipient was notified (O5).' },
    ESCALATED: { description: 'The recipient complained further to the authority (C6).' },
    COURT_REFERRED: { description: 'The recipient went to court (C8).' },
    WITHDRAWN: { description: 'Withdrawn by the recipient before a decision.' },
  },
});

registerEnumType(Outcome, {
  name: 'Outcome',
  description: 'The result of a review.',
  valuesConfig: {
    UPHELD: { description: 'The complaint is upheld; remedial measures are required (O7).' },
    PARTIALLY_UPHELD: { description: 'Partly upheld; remedial measures are required (O7).' },
    REJECTED: { description: 'The complaint is rejected.' },
  },
});

registerEnumType(SignatureMethod, {
  name: 'SignatureMethod',
  description: 'How the recipient signed (C3: an unsigned complaint is not accepted).',
  valuesConfig: {
    HANDWRITTEN: { description: 'Signed by hand on paper.' },
    DIGITAL: { description: 'Signed with a digital signature (EDS).' },
  },
});

registerEnumType(AccessibilityNeed, {
  name: 'AccessibilityNeed',
  description: 'What a person with limited abilities needs (O2): carried into every notice.',
  valuesConfig: {
    WHEELCHAIR_ACCESS: { description: 'Step-free access to the office.' },
    SIGN_LANGUAGE: { description: 'A sign-language interpreter.' },
    LARGE_PRINT: { description: 'Documents in large print.' },
    SCREEN_READER: { description: 'Documents readable by a screen reader.' },
    HOME_VISIT: { description: 'Served or answered at home.' },
    ASSISTANT: { description: 'Accompanied by an assistant.' },
  },
});

registerEnumType(MetricsGroupBy, {
  name: 'MetricsGroupBy',
  description: 'How compliance metrics are grouped.',
  valuesConfig: {
    PROVIDER: { description: 'By service provider.' },
    AUTHORITY: { description: 'By authority department.' },
    REGION: { description: "By the provider's region." },
    SERVICE: { description: 'By public service.' },
    MONTH: { description: 'By month of registration (YYYY-MM).' },
  },
});

registerEnumType(ConsentScope, {
  name: 'ConsentScope',
  description: 'Which secret protected by law a written consent covers (O8).',
  valuesConfig: {
    PERSONAL_DATA: {
      description: 'Personal data in state information systems (IIN/BIN, contacts).',
    },
    TAX_SECRET: { description: 'Tax secret.' },
    BANK_SECRET: { description: 'Bank secret.' },
    MEDICAL_SECRET: { description: 'Medical secret.' },
  },
});

/** The policy's operations as GraphQL enum values (START_REVIEW ↔ 'startReview'), all of them. */
export const ComplaintOperationEnum: Readonly<Record<string, ComplaintOperation>> =
  Object.fromEntries(
    COMPLAINT_OPERATIONS.map((operation) => [
      operation.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase(),
      operation,
    ]),
  );

registerEnumType(ComplaintOperationEnum, {
  name: 'ComplaintOperation',
  description:
    'Something a user may do to a complaint (DOMAIN.md "Who may do what", with the status machine).',
  valuesConfig: {
    START_REVIEW: { description: 'Start the review (C5, C7).' },
    DECIDE: { description: 'Record the decision (O5, O7).' },
    ESCALATE: { description: 'Escalate to the quality-control authority (C6).' },
    REFER_TO_COURT: { description: 'Record that the recipient went to court (R5, C8).' },
    WITHDRAW: { description: 'Record that the recipient withdrew an undecided complaint.' },
    ASSIGN: { description: "Assign the case to one of the authority's staff." },
    RECORD_CONSENT: { description: "Record the recipient's written consent (O8)." },
    REVOKE_CONSENT: { description: 'Record that the recipient revoked a consent (O8).' },
  },
});

registerEnumType(NoticeChannel, {
  name: 'NoticeChannel',
  description: 'O5: how a recipient chose to be told.',
  valuesConfig: {
    EMAIL: { description: 'By email, to the address the recipient gave (protected data).' },
    SMS: { description: 'By SMS, to the phone the recipient gave (protected data).' },
    PORTAL: { description: "In the portal's notice feed (electronic filings)." },
    PAPER: { description: 'On paper: posted, or handed over in person on a home visit.' },
  },
});

registerEnumType(NoticeLanguage, {
  name: 'NoticeLanguage',
  description: 'O5: the language a notice is written in.',
  valuesConfig: { KK: { description: 'Kazakh.' }, RU: { description: 'Russian.' } },
});
