import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import ComplaintSummary from '../src/components/ComplaintSummary.vue';
import type { CaseComplaint } from '../src/composables/useCaseQuery';
import { i18n, setLanguage } from '../src/i18n';

type Notice = CaseComplaint['notices'][number];

function notice(overrides: Partial<Notice>): Notice {
  return {
    id: `notice-${Math.random()}`,
    kind: 'REGISTERED',
    channel: 'POST',
    addressee: 'Ахметова Айгүл',
    destination: 'Астана қ., Абай даңғылы, 10',
    accessibilityNeeds: [],
    createdAt: '2026-11-23T05:00:00Z',
    deliveredAt: null,
    status: 'PENDING',
    deliveredHow: null,
    deliveredOn: null,
    lastError: null,
    ...overrides,
  };
}

// Only what the summary reads; the rest of a case does not matter to its notices table.
function caseWith(notices: Notice[]): CaseComplaint {
  return {
    level: 'PROVIDER',
    status: 'IN_REVIEW',
    channel: 'PAPER',
    subject: 'ACTION',
    signature: 'HANDWRITTEN',
    description: 'Құжаттар қабылданбады.',
    official: null,
    overdue: false,
    workingDaysLeft: 3,
    provider: { id: 'p', nameKk: 'Провайдер', nameRu: 'Провайдер', region: 'Астана' },
    authority: null,
    publicService: null,
    assignee: null,
    registration: {
      incomingNumber: 'PA-2026-00001',
      registeredOn: '2026-11-23',
      registeredAt: '2026-11-23T05:00:00Z',
      acceptedBy: 'Officer',
      responseDeadline: '2026-11-30',
      responsePlace: 'Office',
    },
    decision: null,
    parent: null,
    escalation: null,
    courtReferral: null,
    notices,
  } as unknown as CaseComplaint;
}

function rows(notices: Notice[]): string[] {
  const wrapper = mount(ComplaintSummary, {
    props: { complaint: caseWith(notices) },
    global: { plugins: [i18n], stubs: { RouterLink: true } },
  });
  return wrapper
    .findAll('section[aria-labelledby="case-notices-title"] tbody tr')
    .map((row) => row.text());
}

describe('the case’s notices', () => {
  it('O5: each notice says in words what it told and where it stands, never a raw code or a contact', async () => {
    await setLanguage('ru');
    const [registered, email, sms, handed] = rows([
      notice({ kind: 'REGISTERED', channel: 'POST' }),
      notice({
        kind: 'DECISION',
        channel: 'EMAIL',
        destination: 'recipient.email',
        status: 'DELIVERED',
        deliveredHow: 'SENT',
        deliveredAt: '2026-11-25T06:30:00Z',
      }),
      notice({
        kind: 'DEADLINE_PASSED',
        channel: 'SMS',
        destination: 'recipient.phone',
        status: 'UNDELIVERED',
        lastError: 'SMS gateway HTTP 503',
      }),
      notice({
        kind: 'WITHDRAWN',
        channel: 'HOME_VISIT',
        status: 'DELIVERED',
        deliveredHow: 'HANDED_OVER',
        deliveredOn: '2026-11-26',
        deliveredAt: '2026-11-26T09:00:00Z',
      }),
    ]);
    expect(registered).toContain('Зарегистрирована (отметка)');
    expect(registered).toContain('Ещё не доставлено');
    expect(email).toContain('Электронная почта услугополучателя (охраняется)');
    expect(email).toMatch(/Отправлено 25\.11\.2026/);
    expect(sms).toContain('Срок истёк: право обжалования');
    expect(sms).toContain('Не доставлено: SMS gateway HTTP 503');
    expect(handed).toContain('Вручено 26.11.2026');
    for (const text of [registered, email, sms, handed]) {
      expect(text).not.toMatch(
        /\b(REGISTERED|DECISION|DEADLINE_PASSED|WITHDRAWN|SENT|recipient\.)/,
      );
    }
  });

  it('O5: the same in Kazakh', async () => {
    await setLanguage('kk');
    const [posted] = rows([
      notice({
        kind: 'DECISION',
        status: 'DELIVERED',
        deliveredHow: 'POSTED',
        deliveredOn: '2026-11-27',
      }),
    ]);
    expect(posted).toContain('Поштамен жіберілді 27.11.2026');
  });
});
