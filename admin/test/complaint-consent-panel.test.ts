import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nextTick, reactive } from 'vue';
import ComplaintConsentPanel from '../src/components/ComplaintConsentPanel.vue';
import type { ConsentDraft } from '../src/composables/useCaseDrafts';
import type { CaseComplaint } from '../src/composables/useCaseQuery';
import { i18n, setLanguage } from '../src/i18n';

type Consent = CaseComplaint['consents'][number];

const HIDDEN = "Shown only with the recipient's written consent";

function consent(overrides: Partial<Consent> = {}): Consent {
  return {
    id: 'consent-1',
    scope: ['PERSONAL_DATA'],
    signedBy: 'Абенова Айгүл',
    method: 'HANDWRITTEN',
    signedOn: '2026-11-20',
    evidence: 'ЦОН-2026/000145',
    recordedAt: '2026-11-20T05:00:00Z',
    revokedAt: null,
    active: true,
    ...overrides,
  };
}

function mountPanel(props: {
  recipient: Pick<CaseComplaint['recipient'], 'kind' | 'iin' | 'bin' | 'email' | 'phone'>;
  consents: Consent[];
  deniedFields?: string[];
  canRecord?: boolean;
  canRevoke?: boolean;
}) {
  return mount(ComplaintConsentPanel, { props, global: { plugins: [i18n] } });
}

function protectedRows(wrapper: ReturnType<typeof mountPanel>): Record<string, string> {
  const list = wrapper.find('[data-testid="protected-data"]');
  const terms = list.findAll('dt').map((dt) => dt.text());
  const values = list.findAll('dd').map((dd) => dd.text());
  return Object.fromEntries(terms.map((term, i) => [term, values[i] ?? '']));
}

describe('ComplaintConsentPanel', () => {
  beforeEach(() => {
    void setLanguage('en');
  });
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('O8: without an active consent the protected fields are hidden, with the reason in words', () => {
    const wrapper = mountPanel({
      recipient: { kind: 'INDIVIDUAL', iin: null, bin: null, email: null, phone: null },
      consents: [],
      deniedFields: ['iin', 'bin', 'email', 'phone'],
    });
    const rows = protectedRows(wrapper);
    expect(Object.keys(rows)).toEqual(['IIN', 'Email', 'Phone']);
    for (const value of Object.values(rows)) expect(value).toContain(HIDDEN);
    expect(wrapper.text()).toContain('No written consent is recorded.');
  });

  it('O8: even a value that came back is not shown without an active consent', () => {
    const wrapper = mountPanel({
      recipient: {
        kind: 'INDIVIDUAL',
        iin: '900101300123',
        bin: null,
        email: 'a@b.kz',
        phone: null,
      },
      consents: [],
    });
    expect(wrapper.text()).not.toContain('900101300123');
    expect(wrapper.text()).not.toContain('a@b.kz');
  });

  it('O8: with an active consent the protected fields are shown', () => {
    const wrapper = mountPanel({
      recipient: {
        kind: 'INDIVIDUAL',
        iin: '900101300123',
        bin: null,
        email: 'aigul@example.kz',
        phone: null,
      },
      consents: [consent()],
    });
    const rows = protectedRows(wrapper);
    expect(rows.IIN).toBe('900101300123');
    expect(rows.Email).toBe('aigul@example.kz');
    expect(rows.Phone).toBe('Not given');
    expect(wrapper.text()).not.toContain(HIDDEN);
    const row = wrapper.find('tbody tr');
    expect(row.text()).toContain('Personal data');
    expect(row.text()).toContain('Абенова Айгүл');
    expect(row.text()).toContain('Handwritten');
    expect(row.text()).toContain('20.11.2026');
    expect(row.text()).toContain('ЦОН-2026/000145');
    expect(row.text()).toContain('Active');
  });

  it('O8: a legal entity shows its BIN, and a field the server refused stays hidden', () => {
    const wrapper = mountPanel({
      recipient: { kind: 'LEGAL_ENTITY', iin: null, bin: '040340004386', email: null, phone: null },
      consents: [consent()],
      deniedFields: ['email'],
    });
    const rows = protectedRows(wrapper);
    expect(rows.BIN).toBe('040340004386');
    expect(rows.Email).toContain(HIDDEN);
  });

  it('O8: a revoked consent shows as revoked, with when, and opens nothing', () => {
    const wrapper = mountPanel({
      recipient: { kind: 'INDIVIDUAL', iin: null, bin: null, email: null, phone: null },
      consents: [consent({ active: false, revokedAt: '2026-11-24T06:30:00Z' })],
      deniedFields: ['iin', 'email', 'phone'],
    });
    const state = wrapper.find('tbody tr td:last-child');
    expect(state.text()).toBe('Revoked 24.11.2026 11:30');
    expect(state.text()).not.toContain('Active');
    for (const value of Object.values(protectedRows(wrapper))) expect(value).toContain(HIDDEN);
  });
  it('O8: an active consent can be revoked by whoever may record one; a revoked one cannot', async () => {
    const recipient = {
      kind: 'INDIVIDUAL' as const,
      iin: null,
      bin: null,
      email: null,
      phone: null,
    };
    const revocable = mountPanel({ recipient, consents: [consent()], canRevoke: true });
    const button = revocable.find('button.consent-revoke');
    expect(button.text()).toBe('Revoke');
    await button.trigger('click');
    expect(revocable.emitted('revoke')).toEqual([['consent-1']]);
    const readOnly = mountPanel({ recipient, consents: [consent()], canRevoke: false });
    expect(readOnly.find('button.consent-revoke').exists()).toBe(false);
    const revoked = mountPanel({
      recipient,
      consents: [consent({ active: false, revokedAt: '2026-11-24T06:30:00Z' })],
      canRevoke: true,
    });
    expect(revoked.find('button.consent-revoke').exists()).toBe(false);
  });

  it('O8: a consent recorded before the proof was required says so in the proof column', () => {
    const wrapper = mountPanel({
      recipient: { kind: 'INDIVIDUAL', iin: null, bin: null, email: null, phone: null },
      consents: [consent({ evidence: null })],
    });
    const headers = wrapper.findAll('thead th').map((th) => th.text());
    const cells = wrapper.findAll('tbody tr td').map((td) => td.text());
    expect(cells[headers.indexOf('Proof of signature')]).toBe('Not given (recorded earlier)');
  });

  it('O8: the form refuses a consent without the proof of its signature, on the evidence field', async () => {
    const draft = reactive<ConsentDraft>({
      scope: ['PERSONAL_DATA'],
      signedBy: 'Абенова Айгүл',
      method: 'HANDWRITTEN',
      signedOn: '2026-11-20',
      evidence: '',
    });
    const wrapper = mount(ComplaintConsentPanel, {
      props: {
        recipient: { kind: 'INDIVIDUAL', iin: null, bin: null, email: null, phone: null },
        consents: [],
        canRecord: true,
        open: true,
        draft,
      },
      global: { plugins: [i18n] },
      attachTo: document.body,
    });
    await nextTick();
    // The dialog renders in a portal: look for its form in the document.
    const input = document.querySelector<HTMLInputElement>('#consent-evidence');
    expect(input).not.toBeNull();
    expect(document.querySelector('label[for="consent-evidence"]')?.textContent?.trim()).toBe(
      'Proof of signature',
    );
    expect(input!.maxLength).toBe(200);
    const form = input!.closest('form')!;
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await nextTick();
    expect(wrapper.emitted('submit')).toBeUndefined();
    expect(document.querySelector('#consent-evidence-error')?.textContent).toBeTruthy();
    expect(input!.getAttribute('aria-invalid')).toBe('true');

    input!.value = 'NCA-7f3a91';
    input!.dispatchEvent(new Event('input'));
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await nextTick();
    expect(draft.evidence).toBe('NCA-7f3a91');
    expect(wrapper.emitted('submit')).toHaveLength(1);
    wrapper.unmount();
  });

  it('O8: the server’s message for evidence is shown on the evidence field', async () => {
    mount(ComplaintConsentPanel, {
      props: {
        recipient: { kind: 'INDIVIDUAL', iin: null, bin: null, email: null, phone: null },
        consents: [],
        canRecord: true,
        open: true,
        draft: reactive<ConsentDraft>({
          scope: [],
          signedBy: '',
          method: '',
          signedOn: '',
          evidence: 'x',
        }),
        error: {
          code: 'BAD_USER_INPUT',
          fields: { 'input.evidence': 'Server: evidence' },
          extensions: {},
        },
      },
      global: { plugins: [i18n] },
      attachTo: document.body,
    });
    await nextTick();
    expect(document.querySelector('#consent-evidence-error')?.textContent?.trim()).toBe(
      'Server: evidence',
    );
  });
});
