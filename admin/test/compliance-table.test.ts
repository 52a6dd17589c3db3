import { mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import ComplianceTable from '../src/components/ComplianceTable.vue';
import type { ComplianceRow } from '../src/composables/useComplianceMetrics';
import { i18n, setLanguage } from '../src/i18n';

const row: ComplianceRow = {
  key: 'b8a7d1d2-0000-4000-8000-000000000001',
  label: 'Akimat of Astana',
  total: 12,
  decided: 8,
  decidedOnTime: 7,
  openOverdue: 2,
  onTimeRate: 0.875,
  escalated: 3,
  upheld: 4,
  courtReferred: 1,
  medianWorkingDaysToDecision: null,
};

function mountTable(rows: ComplianceRow[] = [row]) {
  return mount(ComplianceTable, {
    props: { rows, groupBy: 'PROVIDER', caption: 'Complaints by provider, 2026' },
    global: { plugins: [i18n] },
  });
}

describe('ComplianceTable', () => {
  afterEach(() => setLanguage('kk'));

  it('renders a row with the rate as a percentage and "—" for a null median', () => {
    void setLanguage('en');
    const wrapper = mountTable();
    const cells = wrapper.findAll('tbody tr').at(0)!;
    expect(cells.find('th[scope="row"]').text()).toBe('Akimat of Astana');
    const values = cells.findAll('td').map((cell) => cell.text());
    // total, decided, on time, rate, open overdue, escalated, upheld, court, median
    expect(values).toEqual(['12', '8', '7', '87.5%', '2', '3', '4', '1', '—']);
  });

  it('has a caption and a column header for every field', () => {
    void setLanguage('en');
    const wrapper = mountTable();
    expect(wrapper.find('caption').text()).toBe('Complaints by provider, 2026');
    const headers = wrapper.findAll('thead th[scope="col"]').map((th) => th.text());
    expect(headers).toEqual([
      'Provider',
      'Registered',
      'Decided',
      'Decided on time',
      'On time',
      'Open and overdue',
      'Escalated to the authority',
      'Upheld',
      'Referred to court',
      'Median working days to decision',
    ]);
  });

  it('writes the rate as people write it in Russian, and "—" when nothing was decided', () => {
    void setLanguage('ru');
    const wrapper = mountTable([
      { ...row, onTimeRate: null, decided: 0, decidedOnTime: 0, medianWorkingDaysToDecision: 4.5 },
    ]);
    const values = wrapper.findAll('tbody td').map((cell) => cell.text());
    expect(values[3]).toBe('—');
    expect(values[8]).toBe('4,5');
  });

  it("names a month by its name in the reader's language", () => {
    void setLanguage('kk');
    const wrapper = mount(ComplianceTable, {
      props: {
        rows: [{ ...row, key: '2026-09', label: '2026-09' }],
        groupBy: 'MONTH',
        caption: 'Айлар',
      },
      global: { plugins: [i18n] },
    });
    expect(wrapper.find('tbody th[scope="row"]').text()).toBe('2026 ж. қыркүйек');
    expect(wrapper.find('thead th').text()).toBe('Тіркелген ай');
  });
});
