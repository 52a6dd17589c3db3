import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { caseActionsOf } from '../src/composables/caseActions';
import { session } from '../src/composables/useSession';
import { setLanguage } from '../src/i18n';
import {
  byText,
  caseNetwork as network,
  complaint,
  loadCasePage,
  mountCasePage,
} from './support/case-page';

vi.mock('../src/apollo', async () => ({
  apolloClient: (await import('./support/case-page')).caseNetwork.apolloClient,
}));
await loadCasePage();

/** Every button of the case page (dialogs are closed), by its text. */
function buttons(): string[] {
  return [...document.querySelectorAll('button')].map((button) => button.textContent.trim());
}

const ACTIVE_CONSENT = {
  id: 'consent-1',
  scope: ['PERSONAL_DATA' as const],
  signedBy: 'Абенова Айгүл',
  method: 'HANDWRITTEN' as const,
  signedOn: '2026-11-20',
  evidence: 'ЦОН-2026/000145',
  recordedAt: '2026-11-20T05:00:00Z',
  revokedAt: null,
  active: true,
};

describe('ComplaintDetailPage: the actions are the case’s availableActions', () => {
  beforeEach(() => {
    void setLanguage('en');
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('Who may do what: a partner is offered exactly what the server answered, nothing derived', async () => {
    session.start({ token: 'x.e30.x', role: 'PARTNER', displayName: 'eGov' });
    // A decided PROVIDER-level case with an active consent: the status machine alone would also
    // allow a court referral and the consent's revocation; the server answered only these two.
    network.reset(
      complaint({
        level: 'PROVIDER',
        status: 'DECIDED',
        channel: 'ELECTRONIC',
        availableActions: ['ESCALATE', 'RECORD_CONSENT'],
        consents: [ACTIVE_CONSENT],
      }),
    );
    const wrapper = await mountCasePage();
    expect(buttons()).toEqual(['Register an escalation', 'Record a written consent']);

    // C6: a partner's escalation is filed electronically (escalationChannelFor of the domain).
    byText('button', 'Register an escalation').click();
    await flushPromises();
    expect(document.querySelector('[role="dialog"]')!.textContent).toContain('Electronic');
    wrapper.unmount();
  });

  it('Who may do what: with no availableActions there is no button, and the panel says so', async () => {
    session.start({ token: 'x.e30.x', role: 'PARTNER', displayName: 'eGov' });
    network.reset(complaint({ availableActions: [], consents: [ACTIVE_CONSENT] }));
    const wrapper = await mountCasePage();
    expect(buttons()).toEqual([]);
    expect(document.body.textContent).toContain('No action is available to you at this stage.');
    wrapper.unmount();
  });

  it('Who may do what: the buttons follow the case when it is fetched again', async () => {
    session.start({ token: 'x.e30.x', role: 'SUPERVISOR', displayName: 'Supervisor' });
    network.reset(
      complaint({
        availableActions: ['DECIDE', 'ASSIGN', 'REVOKE_CONSENT'],
        consents: [ACTIVE_CONSENT],
      }),
    );
    const wrapper = await mountCasePage();
    expect(buttons()).toEqual(['Record the decision', 'Assign the case', 'Revoke']);

    network.state.complaint = complaint({ status: 'DECIDED', availableActions: ['ASSIGN'] });
    for (const observer of network.state.observers) {
      observer.next({ data: { complaint: network.state.complaint }, loading: false });
    }
    await flushPromises();
    expect(buttons()).toEqual(['Assign the case']);
    wrapper.unmount();
  });

  it('Who may do what: every operation of the API has its action on the page', () => {
    expect(
      caseActionsOf([
        'START_REVIEW',
        'DECIDE',
        'ESCALATE',
        'REFER_TO_COURT',
        'WITHDRAW',
        'ASSIGN',
        'RECORD_CONSENT',
        'REVOKE_CONSENT',
      ]),
    ).toEqual([
      'startReview',
      'decide',
      'escalate',
      'referToCourt',
      'withdraw',
      'assign',
      'recordConsent',
      'revokeConsent',
    ]);
  });
});
