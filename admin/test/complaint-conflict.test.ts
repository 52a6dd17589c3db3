import { flushPromises } from '@vue/test-utils';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '../src/composables/useSession';
import { setLanguage } from '../src/i18n';
import {
  byText,
  caseNetwork as network,
  complaint,
  loadCasePage,
  mountCasePage as mountPage,
  type,
} from './support/case-page';

// The network, stubbed at the one Apollo client: watchQuery for the case, mutate for actions.
vi.mock('../src/apollo', async () => ({
  apolloClient: (await import('./support/case-page')).caseNetwork.apolloClient,
}));
await loadCasePage();

function conflict(extensions: Record<string, unknown>) {
  return new CombinedGraphQLErrors({
    errors: [{ message: 'conflict', extensions: { code: 'CONFLICT', ...extensions } }],
  });
}

describe('ComplaintDetailPage: conflicts', () => {
  beforeEach(() => {
    void setLanguage('en');
    session.start({ token: 'x.e30.x', role: 'INSPECTOR', displayName: 'Inspector' });
    network.reset(complaint());
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('STALE_VERSION: the notice says so, and "Reload the case" keeps the typed reasoning', async () => {
    const calls: Record<string, unknown>[] = [];
    network.state.mutate = (options) => {
      calls.push(options.variables);
      return Promise.reject(conflict({ reason: 'STALE_VERSION', currentVersion: 4 }));
    };
    const wrapper = await mountPage();

    byText('button', 'Record the decision').click();
    await flushPromises();
    const dialog = document.querySelector('[role="dialog"]')!;
    expect(dialog).not.toBeNull();

    document.querySelector<HTMLElement>('#decision-outcome-REJECTED')!.click();
    await type('#decision-reasoning', 'The certificate was issued within the standard term.');
    byText('[role="dialog"] button', 'Record the decision').click();
    await flushPromises();

    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ id: 'c-1', expectedVersion: 3 });
    const notice = document.querySelector('[role="dialog"] [role="alert"]')!;
    expect(notice.textContent).toContain('Someone else changed this case');
    expect(document.activeElement).toBe(notice);

    // Meanwhile a supervisor assigned the case: version 4.
    network.state.complaint = complaint({
      version: 4,
      assignee: { id: 'u-2', displayName: 'Нұрлан Ахметов' },
    });
    byText('[role="dialog"] button', 'Reload the case').click();
    await flushPromises();

    const reasoning = document.querySelector<HTMLTextAreaElement>('#decision-reasoning')!;
    expect(reasoning.value).toBe('The certificate was issued within the standard term.');
    expect(document.querySelector('#decision-outcome-REJECTED')!.getAttribute('aria-checked')).toBe(
      'true',
    );
    const changed = document.querySelector('[role="dialog"] [role="alert"]')!.textContent;
    expect(changed).toContain('What changed:');
    expect(changed).toContain('Now assigned to Нұрлан Ахметов');
    expect(changed).toContain('Version of the case: 3 → 4');

    // Sent again, it expects the version now seen, and succeeds.
    network.state.mutate = (options) => {
      calls.push(options.variables);
      network.state.complaint = complaint({ version: 5, status: 'DECIDED' });
      return Promise.resolve({
        data: { decideComplaint: { id: 'c-1', status: 'DECIDED', version: 5 } },
      });
    };
    byText('[role="dialog"] button', 'Record the decision').click();
    await flushPromises();
    expect(calls[1]).toMatchObject({
      expectedVersion: 4,
      input: {
        outcome: 'REJECTED',
        reasoning: 'The certificate was issued within the standard term.',
      },
    });
    const status = document.querySelector('.notification--success[role="status"]')!;
    expect(status.textContent).toContain('The decision is recorded');
    expect(document.activeElement).toBe(status);
    expect(document.querySelector('[role="dialog"]')).toBeNull();
    wrapper.unmount();
  });

  it('STALE_VERSION: when someone decided meanwhile, the text stays and the change is named', async () => {
    network.state.mutate = () => Promise.reject(conflict({ reason: 'STALE_VERSION' }));
    const wrapper = await mountPage();
    byText('button', 'Record the decision').click();
    await flushPromises();
    document.querySelector<HTMLElement>('#decision-outcome-UPHELD')!.click();
    await type('#decision-reasoning', 'Upheld: the refusal had no ground.');
    await type('#decision-remedial-measures', 'The certificate is issued.');
    byText('[role="dialog"] button', 'Record the decision').click();
    await flushPromises();

    network.state.complaint = complaint({
      version: 4,
      status: 'DECIDED',
      decision: {
        outcome: 'REJECTED',
        reasoning: '…',
        remedialMeasures: null,
        decidedAt: '2026-11-25T05:00:00Z',
        decidedOn: '2026-11-25',
        decidedBy: 'Бекова Ая',
        onTime: true,
      },
    });
    byText('[role="dialog"] button', 'Reload the case').click();
    await flushPromises();

    expect(document.querySelector<HTMLTextAreaElement>('#decision-reasoning')!.value).toBe(
      'Upheld: the refusal had no ground.',
    );
    expect(document.querySelector<HTMLTextAreaElement>('#decision-remedial-measures')!.value).toBe(
      'The certificate is issued.',
    );
    const text = document.querySelector('[role="dialog"] [role="alert"]')!.textContent;
    expect(text).toContain('Status: In review → Decided');
    expect(text).toContain('A decision was recorded: Rejected (Бекова Ая)');
    expect(text).toContain('This action is no longer possible');
    wrapper.unmount();
  });

  it('TRANSITION_REFUSED: the notice gives the reason with the status', async () => {
    network.state.complaint = complaint({ status: 'REGISTERED' });
    network.state.mutate = () =>
      Promise.reject(
        conflict({ reason: 'TRANSITION_REFUSED', status: 'WITHDRAWN', action: 'startReview' }),
      );
    const wrapper = await mountPage();
    byText('button', 'Start the review').click();
    await flushPromises();
    const notice = document.querySelector('[role="alert"]')!;
    expect(notice.textContent).toContain('This action is not possible now');
    expect(notice.textContent).toContain('“Withdrawn”');
    wrapper.unmount();
  });
});
