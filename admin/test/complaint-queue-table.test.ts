import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineComponent } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import ComplaintQueueTable from '../src/components/ComplaintQueueTable.vue';
import type { QueueRow } from '../src/composables/useComplaintList';
import { i18n } from '../src/i18n';

const locale = i18n.global.locale as unknown as { value: string };

const rows: QueueRow[] = [
  {
    id: '0b9c6a52-1f0e-4a57-9d0e-000000000001',
    level: 'PROVIDER',
    status: 'IN_REVIEW',
    overdue: true,
    workingDaysLeft: -2,
    registration: { incomingNumber: 'ЖТ-2026-000123', responseDeadline: '2026-11-20' },
    recipient: {
      kind: 'INDIVIDUAL',
      surname: 'Сейткалиева',
      givenName: 'Айгерим',
      organizationName: null,
      accessibilityNeeds: ['WHEELCHAIR_ACCESS', 'LARGE_PRINT'],
    },
    provider: { id: 'p1', nameKk: 'Астана қаласының әкімдігі', nameRu: 'Акимат города Астаны' },
    assignee: { id: 'u1', displayName: 'Нурлан Абенов' },
  },
  {
    id: '0b9c6a52-1f0e-4a57-9d0e-000000000002',
    level: 'AUTHORITY',
    status: 'DECIDED',
    overdue: false,
    workingDaysLeft: null,
    registration: { incomingNumber: 'УО-2026-000045', responseDeadline: '2026-12-04' },
    recipient: {
      kind: 'LEGAL_ENTITY',
      surname: null,
      givenName: null,
      organizationName: 'ТОО «Дала Строй»',
      accessibilityNeeds: [],
    },
    provider: { id: 'p2', nameKk: 'Алматы қаласының ХҚКО', nameRu: 'ЦОН города Алматы' },
    assignee: null,
  },
];

function mountTable() {
  const Empty = defineComponent({ render: () => null });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: Empty },
      { path: '/complaints/:id', name: 'complaint', component: Empty },
    ],
  });
  return mount(ComplaintQueueTable, { props: { rows }, global: { plugins: [i18n, router] } });
}

describe('ComplaintQueueTable', () => {
  const initial = locale.value;
  beforeEach(() => {
    locale.value = 'en';
  });
  afterEach(() => {
    locale.value = initial;
  });

  it('is a table with a caption and a column header for each column', () => {
    const wrapper = mountTable();
    expect(wrapper.find('table caption').text()).toBe(
      'Complaints by response deadline, earliest first',
    );
    expect(wrapper.findAll('thead th').map((th) => [th.attributes('scope'), th.text()])).toEqual([
      ['col', 'Incoming number'],
      ['col', 'Recipient'],
      ['col', 'Service provider'],
      ['col', 'Level'],
      ['col', 'Status'],
      ['col', 'Assigned to'],
      ['col', 'Deadline'],
    ]);
    const region = wrapper.find('[role="region"]');
    expect(region.attributes('aria-labelledby')).toBe(wrapper.find('caption').attributes('id'));
    expect(region.attributes('aria-busy')).toBe('false');
  });

  it('links each incoming number to its case and shows the row in words', () => {
    const wrapper = mountTable();
    const [first, second] = wrapper.findAll('tbody tr');
    const link = first!.find('a');
    expect(link.text()).toBe('ЖТ-2026-000123');
    expect(link.attributes('href')).toBe('/complaints/0b9c6a52-1f0e-4a57-9d0e-000000000001');

    const cells = first!.findAll('td').map((td) => td.text());
    expect(cells[1]).toContain('Сейткалиева Айгерим');
    expect(cells[2]).toBe('Акимат города Астаны');
    expect(cells[3]).toBe('Provider');
    expect(first!.find('td:nth-child(5) .tag').text()).toBe('In review');
    expect(cells[5]).toBe('Нурлан Абенов');
    expect(cells[6]).toContain('20.11.2026');
    expect(cells[6]).toContain('Overdue by 2 working days');

    const other = second!.findAll('td').map((td) => td.text());
    expect(other[1]).toBe('ТОО «Дала Строй»');
    expect(second!.find('td:nth-child(5) .tag').text()).toBe('Decided');
    expect(other[5]).toContain('Not assigned');
    expect(other[6]).toContain('04.12.2026');
  });

  it('marks accessibility needs beside the recipient: text, a title and screen-reader text', () => {
    const wrapper = mountTable();
    const [first, second] = wrapper.findAll('tbody tr');
    const marker = first!.find('td:nth-child(2) .tag');
    expect(marker.attributes('title')).toBe('Wheelchair access, Large print');
    expect(marker.find('[aria-hidden="true"]').text()).toBe('♿︎');
    expect(marker.find('.visually-hidden').text()).toBe(': Wheelchair access, Large print');
    expect(marker.text().replace(/\s+/g, ' ')).toBe('♿︎ Needs: Wheelchair access, Large print');
    // No needs: no marker.
    expect(second!.find('td:nth-child(2) .tag').exists()).toBe(false);
  });

  it('names the provider in Kazakh when the interface is in Kazakh', () => {
    locale.value = 'kk';
    const wrapper = mountTable();
    expect(wrapper.find('tbody tr td:nth-child(3)').text()).toBe('Астана қаласының әкімдігі');
    expect(wrapper.find('thead th').text()).toBe('Кіріс нөмірі');
  });
});
