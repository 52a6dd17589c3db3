import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import BaseRadioGroup from '../src/components/BaseRadioGroup.vue';

const OPTIONS = [
  { value: 'UPHELD', label: 'Upheld', id: 'outcome-UPHELD' },
  { value: 'PARTIALLY_UPHELD', label: 'Partially upheld', id: 'outcome-PARTIALLY_UPHELD' },
  { value: 'REJECTED', label: 'Rejected', id: 'outcome-REJECTED' },
];

function mountGroup(initial: string, error: string | null = null) {
  const chosen = ref(initial);
  const wrapper = mount(
    defineComponent(
      () => () =>
        h(BaseRadioGroup<string>, {
          id: 'outcome',
          legend: 'Outcome',
          hint: 'Choose one',
          error,
          options: OPTIONS,
          modelValue: chosen.value,
          'onUpdate:modelValue': (value: string) => (chosen.value = value),
        }),
    ),
    { attachTo: document.body },
  );
  return { wrapper, chosen };
}

const radio = (id: string) => document.getElementById(id)!;

describe('BaseRadioGroup', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  it('a fieldset named by its legend, each option a radio with its own label, hint and error tied to the group', () => {
    const { wrapper } = mountGroup('', 'Choose the outcome');
    const group = wrapper.find('fieldset[role="radiogroup"]');
    expect(group.find('legend').text()).toBe('Outcome');
    expect(group.attributes('aria-describedby')).toBe('outcome-hint outcome-error');
    expect(wrapper.find('#outcome-error').text()).toBe('Choose the outcome');
    const radios = wrapper.findAll('[role="radio"]');
    expect(radios.map((r) => r.attributes('id'))).toEqual(OPTIONS.map((o) => o.id));
    expect(radios.map((r) => r.attributes('aria-checked'))).toEqual(['false', 'false', 'false']);
    for (const option of OPTIONS) {
      expect(wrapper.find(`label[for="${option.id}"]`).text()).toBe(option.label);
    }
    wrapper.unmount();
  });

  it('a click chooses; the arrow keys move to the next option and choose it', async () => {
    const { wrapper, chosen } = mountGroup('UPHELD');
    radio('outcome-REJECTED').click();
    await flushPromises();
    expect(chosen.value).toBe('REJECTED');
    expect(radio('outcome-REJECTED').getAttribute('aria-checked')).toBe('true');

    // One tab stop, the group, which hands focus to the chosen option.
    const group = wrapper.find<HTMLElement>('fieldset').element;
    expect(group.tabIndex).toBe(0);
    group.focus();
    await flushPromises();
    expect(document.activeElement?.id).toBe('outcome-REJECTED');

    radio('outcome-REJECTED').dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true }),
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    await flushPromises();
    expect(document.activeElement?.id).toBe('outcome-PARTIALLY_UPHELD');
    expect(chosen.value).toBe('PARTIALLY_UPHELD');
    wrapper.unmount();
  });
});
