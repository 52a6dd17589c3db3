import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import ComplaintConsentPanel from '../src/components/ComplaintConsentPanel.vue';
import type { CaseComplaint } from '../src/composables/useComplaint';
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
    const revocable = mountPanel({ recipient, consents: [consent()], canRecord: true });
    const button = revocable.find('button.consent-revoke');
    expect(button.text()).toBe('Revoke');
    await button.trigger('click');
    expect(revocable.emitted('revoke')).toEqual([['consent-1']]);
    const readOnly = mountPanel({ recipient, consents: [consent()], canRecord: false });
    expect(readOnly.find('button.consent-revoke').exists()).toBe(false);
    const revoked = mountPanel({
      recipient,
      consents: [consent({ active: false, revokedAt: '2026-11-24T06:30:00Z' })],
      canRecord: true,
    });
    expect(revoked.find('button.consent-revoke').exists()).toBe(false);
  });
});
