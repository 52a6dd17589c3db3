import { flushPromises, mount } from '@vue/test-utils';
import type { Component } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import { availableOperations, type ComplaintOperation, type Role } from '@complaints/domain';
import type {
  ComplaintOperation as ApiComplaintOperation,
  ComplaintQuery,
} from '../../src/graphql/generated/graphql';
import { i18n } from '../../src/i18n';

// The case page against a stubbed network: a test file mocks the one Apollo client with
// `caseNetwork.apolloClient` (watchQuery for the case, mutate for the actions), e.g.
//   vi.mock('../src/apollo', async () => ({
//     apolloClient: (await import('./support/case-page')).caseNetwork.apolloClient,
//   }));

export type Complaint = NonNullable<ComplaintQuery['complaint']>;

type Observer = { next(result: unknown): void };
const state = {
  complaint: null as Complaint | null,
  observers: [] as Observer[],
  mutate: (() => Promise.reject(new Error('no mutation expected'))) as (options: {
    variables: Record<string, unknown>;
  }) => Promise<unknown>,
};
const result = () => ({ data: { complaint: state.complaint }, loading: false });

export const caseNetwork = {
  state,
  apolloClient: {
    watchQuery: () => ({
      subscribe(observer: Observer) {
        state.observers.push(observer);
        observer.next(result());
        return { unsubscribe() {} };
      },
      refetch() {
        for (const observer of state.observers) observer.next(result());
        return Promise.resolve(result());
      },
    }),
    mutate: (options: { variables: Record<string, unknown> }) => state.mutate(options),
  },
  reset(complaint: Complaint) {
    state.observers = [];
    state.complaint = complaint;
  },
};

const API_NAME = (operation: ComplaintOperation) =>
  operation.replace(/[A-Z]/g, (letter) => `_${letter}`).toUpperCase() as ApiComplaintOperation;

/** What the server's policy answers `role` (not the filer) may do on `complaint`. */
export function availableActionsFor(
  role: Role,
  complaint: Pick<Complaint, 'level' | 'status' | 'overdue'>,
): ApiComplaintOperation[] {
  return availableOperations(
    { role, userId: 'u-1', providerId: null },
    {
      level: complaint.level,
      status: complaint.status,
      providerId: 'p-1',
      filedByUserId: null,
      deadlinePassed: complaint.overdue,
    },
  ).map(API_NAME);
}

/** An AUTHORITY-level case in review; `availableActions` as the server answers an INSPECTOR. */
export function complaint(overrides: Partial<Complaint> = {}): Complaint {
  const base: Complaint = {
    id: 'c-1',
    level: 'AUTHORITY',
    status: 'IN_REVIEW',
    version: 3,
    channel: 'PAPER',
    subject: 'DECISION',
    description: 'Отказали в выдаче справки.',
    signature: 'HANDWRITTEN',
    official: null,
    overdue: false,
    workingDaysLeft: 7,
    availableActions: [],
    recipient: {
      kind: 'INDIVIDUAL',
      surname: 'Абенова',
      givenName: 'Айгүл',
      patronymic: null,
      organizationName: null,
      outgoingNumber: null,
      outgoingDate: null,
      postalAddress: 'Алматы, Абая 1',
      accessibilityNeeds: ['LARGE_PRINT'],
      iin: null,
      bin: null,
      email: null,
      phone: null,
    },
    registration: {
      incomingNumber: 'УО-2026-000042',
      registeredAt: '2026-11-20T04:00:00Z',
      registeredOn: '2026-11-20',
      acceptedBy: 'Серікова Дана',
      responseDeadline: '2026-12-11',
      responsePlace: 'Алматы, Желтоксан 2',
    },
    decision: null,
    courtReferral: null,
    provider: { id: 'p-1', nameKk: 'ХҚКО', nameRu: 'ЦОН', region: 'Алматы' },
    authority: {
      id: 'a-1',
      nameKk: 'Алматы бөлімі',
      nameRu: 'Департамент Алматы',
      region: 'Алматы',
    },
    publicService: null,
    parent: null,
    escalation: null,
    assignee: null,
    history: [
      {
        at: '2026-11-20T04:00:00Z',
        actor: 'Серікова Дана',
        action: 'file',
        fromStatus: null,
        toStatus: 'REGISTERED',
        note: null,
      },
    ],
    notices: [],
    consents: [],
    ...overrides,
  };
  return {
    ...base,
    availableActions: overrides.availableActions ?? availableActionsFor('INSPECTOR', base),
  };
}

let casePage: Component | null = null;

/**
 * Imports the case page once the test file has mocked the Apollo client: call it at the top level
 * of the test file, so that compiling the page counts against no test's time.
 */
export async function loadCasePage(): Promise<void> {
  casePage ??= (await import('../../src/pages/ComplaintDetailPage.vue')).default;
}

/** Mounts the case page of `c-1` in the document (dialogs render in a portal). */
export async function mountCasePage() {
  await loadCasePage();
  const ComplaintDetailPage = casePage!;
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { render: () => null } },
      { path: '/complaints', name: 'queue', component: { render: () => null } },
      { path: '/complaints/:id', name: 'complaint', component: { render: () => null } },
      { path: '/receipt/:id', name: 'receipt', component: { render: () => null } },
    ],
  });
  const wrapper = mount(ComplaintDetailPage, {
    props: { id: 'c-1' },
    global: { plugins: [i18n, router] },
    attachTo: document.body,
  });
  await flushPromises();
  return wrapper;
}

export function byText(selector: string, text: string): HTMLElement {
  const found = [...document.querySelectorAll<HTMLElement>(selector)].find((element) =>
    element.textContent?.includes(text),
  );
  if (!found) throw new Error(`no ${selector} with “${text}”`);
  return found;
}

export async function type(selector: string, value: string) {
  const element = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
  element.value = value;
  element.dispatchEvent(new Event('input'));
  await flushPromises();
}
