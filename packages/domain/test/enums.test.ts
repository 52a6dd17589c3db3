import { describe, expect, it } from 'vitest';

// The contract sits beside the project (../shared), as every developer and CI run has it.
import contract from '../../../../shared/contract/complaints.graphql?raw';
import {
  ACCESSIBILITY_NEED_VALUES,
  CALENDAR_DAY_SOURCE_VALUES,
  CHANNEL_VALUES,
  COMPLAINT_STATUS_VALUES,
  COMPLAINT_SUBJECT_VALUES,
  CONSENT_SCOPE_VALUES,
  ComplaintStatus,
  METRICS_GROUP_BY_VALUES,
  OUTCOME_VALUES,
  RECIPIENT_KIND_VALUES,
  REVIEW_LEVEL_VALUES,
  REVIEW_TERM_WORKING_DAYS,
  ROLE_VALUES,
  SIGNATURE_METHOD_VALUES,
} from '../src/index.js';

/** The values of `enum <name> { … }` in the contract, descriptions and comments dropped. */
function contractEnum(name: string): string[] {
  const match = new RegExp(`enum ${name} \\{([^}]*)\\}`).exec(contract);
  if (match?.[1] === undefined) {
    throw new Error(`enum ${name} is not in the contract`);
  }
  return match[1]
    .replace(/"""[\s\S]*?"""|"[^"\n]*"|#.*$/gm, ' ')
    .split(/\s+/)
    .filter((word) => word !== '');
}

describe('enums', () => {
  it.each([
    ['Role', ROLE_VALUES],
    ['RecipientKind', RECIPIENT_KIND_VALUES],
    ['Channel', CHANNEL_VALUES],
    ['ComplaintSubject', COMPLAINT_SUBJECT_VALUES],
    ['ReviewLevel', REVIEW_LEVEL_VALUES],
    ['ComplaintStatus', COMPLAINT_STATUS_VALUES],
    ['Outcome', OUTCOME_VALUES],
    ['SignatureMethod', SIGNATURE_METHOD_VALUES],
    ['AccessibilityNeed', ACCESSIBILITY_NEED_VALUES],
    ['MetricsGroupBy', METRICS_GROUP_BY_VALUES],
    ['CalendarDaySource', CALENDAR_DAY_SOURCE_VALUES],
  ] as const)('Contract: %s lists exactly the values of complaints.graphql', (name, values) => {
    expect(values).toEqual(contractEnum(name));
  });

  it('Contract: the const object and its value list agree', () => {
    expect(Object.values(ComplaintStatus)).toEqual(COMPLAINT_STATUS_VALUES);
    expect(ComplaintStatus.COURT_REFERRED).toBe('COURT_REFERRED');
  });

  it('C5, C7: a provider considers a complaint in 5 working days, the authority in 15', () => {
    expect(REVIEW_TERM_WORKING_DAYS).toEqual({ PROVIDER: 5, AUTHORITY: 15 });
  });

  it('O8: consent covers personal data and the tax, bank and medical secrets', () => {
    expect(CONSENT_SCOPE_VALUES).toEqual([
      'PERSONAL_DATA',
      'TAX_SECRET',
      'BANK_SECRET',
      'MEDICAL_SECRET',
    ]);
  });
});
