import { mount, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ComplaintStatus } from '@complaints/domain';
import DeadlineCell from '../src/components/DeadlineCell.vue';
import { deadlineMark } from '../src/composables/deadlineMark';
import { i18n } from '../src/i18n';

// The i18n instance is typed loosely by its factory: its locale is a ref at run time.
const locale = i18n.global.locale as unknown as { value: string };

function mountCell(props: {
  status: ComplaintStatus;
  overdue: boolean;
  workingDaysLeft: number | null;
}) {
  return mount(DeadlineCell, { props, global: { plugins: [i18n] } });
}

/** What a sighted user reads: the text without the screen-reader-only parts. */
function visibleText(wrapper: VueWrapper): string {
  const copy = (wrapper.element as HTMLElement).cloneNode(true) as HTMLElement;
  for (const hidden of copy.querySelectorAll('.visually-hidden')) hidden.remove();
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function hiddenText(wrapper: VueWrapper): string {
  return wrapper
    .findAll('.visually-hidden')
    .map((part) => part.text())
    .join(' ');
}

describe('deadlineMark', () => {
  it('C5/C7: overdue → red, due today or 1 day left → orange, more → plain, closed → none', () => {
    expect(deadlineMark({ status: 'IN_REVIEW', overdue: true, workingDaysLeft: -3 })).toEqual({
      urgency: 'overdue',
      days: 3,
      tagClass: 'tag--red',
    });
    expect(deadlineMark({ status: 'REGISTERED', overdue: false, workingDaysLeft: 0 }).urgency).toBe(
      'dueToday',
    );
    expect(deadlineMark({ status: 'REGISTERED', overdue: false, workingDaysLeft: 1 })).toEqual({
      urgency: 'dueSoon',
      days: 1,
      tagClass: 'tag--orange',
    });
    expect(
      deadlineMark({ status: 'IN_REVIEW', overdue: false, workingDaysLeft: 4 }).tagClass,
    ).toBeNull();
    expect(deadlineMark({ status: 'DECIDED', overdue: false, workingDaysLeft: null }).urgency).toBe(
      'closed',
    );
    // Not open any more, whatever a stale count says.
    expect(deadlineMark({ status: 'WITHDRAWN', overdue: false, workingDaysLeft: 2 }).urgency).toBe(
      'closed',
    );
    // The Saturday after a Friday deadline: overdue, though no working day is missed yet.
    expect(deadlineMark({ status: 'IN_REVIEW', overdue: true, workingDaysLeft: 0 })).toEqual({
      urgency: 'overdue',
      days: 0,
      tagClass: 'tag--red',
    });
  });
});

describe('DeadlineCell', () => {
  const initial = locale.value;
  beforeEach(() => {
    locale.value = 'en';
  });
  afterEach(() => {
    locale.value = initial;
  });

  it('overdue by 3 working days: a red tag with ⚠ and the count, "Urgent" for screen readers', () => {
    const wrapper = mountCell({ status: 'IN_REVIEW', overdue: true, workingDaysLeft: -3 });
    expect(visibleText(wrapper)).toBe('⚠ Overdue by 3 working days');
    expect(wrapper.classes()).toEqual(expect.arrayContaining(['tag', 'tag--red']));
    expect(hiddenText(wrapper)).toBe('Urgent:');
    expect(wrapper.find('[aria-hidden="true"]').text()).toBe('⚠');
  });

  it('due today (0 left): an orange tag "Due today"', () => {
    const wrapper = mountCell({ status: 'REGISTERED', overdue: false, workingDaysLeft: 0 });
    expect(visibleText(wrapper)).toBe('Due today');
    expect(wrapper.classes()).toEqual(expect.arrayContaining(['tag', 'tag--orange']));
    expect(hiddenText(wrapper)).toBe('Due soon:');
  });

  it('1 working day left: an orange tag in the singular', () => {
    const wrapper = mountCell({ status: 'IN_REVIEW', overdue: false, workingDaysLeft: 1 });
    expect(visibleText(wrapper)).toBe('1 working day left');
    expect(wrapper.classes()).toEqual(expect.arrayContaining(['tag', 'tag--orange']));
  });

  it('4 working days left: plain text, no tag', () => {
    const wrapper = mountCell({ status: 'IN_REVIEW', overdue: false, workingDaysLeft: 4 });
    expect(visibleText(wrapper)).toBe('4 working days left');
    expect(wrapper.classes()).not.toContain('tag');
    expect(wrapper.find('.tag').exists()).toBe(false);
  });

  it('decided: "—", and "Review finished" for screen readers', () => {
    const wrapper = mountCell({ status: 'DECIDED', overdue: false, workingDaysLeft: null });
    expect(visibleText(wrapper)).toBe('—');
    expect(wrapper.find('.tag').exists()).toBe(false);
    expect(hiddenText(wrapper)).toBe('Review finished');
  });

  it('Russian counts take their grammatical forms (1 день, 3 дня, 5 дней)', () => {
    locale.value = 'ru';
    const text = (workingDaysLeft: number, overdue = false) =>
      visibleText(mountCell({ status: 'IN_REVIEW', overdue, workingDaysLeft }));
    expect(text(-3, true)).toBe('⚠ Просрочено на 3 рабочих дня');
    expect(text(-5, true)).toBe('⚠ Просрочено на 5 рабочих дней');
    expect(text(-21, true)).toBe('⚠ Просрочено на 21 рабочий день');
    expect(text(1)).toBe('Остался 1 рабочий день');
    expect(text(4)).toBe('Осталось 4 рабочих дня');
    expect(text(11)).toBe('Осталось 11 рабочих дней');
  });
});
