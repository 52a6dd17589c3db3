import { mount } from '@vue/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { nextTick, reactive } from 'vue';
import ComplaintDecisionForm from '../src/components/ComplaintDecisionForm.vue';
import type { DecisionDraft } from '../src/composables/useCaseDrafts';
import { i18n, setLanguage } from '../src/i18n';

function mountForm(draft: DecisionDraft, fields: Record<string, string> = {}) {
  const error = Object.keys(fields).length
    ? { code: 'BAD_USER_INPUT', fields, extensions: {} }
    : null;
  return mount(ComplaintDecisionForm, {
    props: { modelValue: draft, error },
    global: { plugins: [i18n] },
    attachTo: document.body,
  });
}

function emptyDraft(): DecisionDraft {
  return reactive({ outcome: '', reasoning: '', remedialMeasures: '' });
}

describe('ComplaintDecisionForm', () => {
  beforeEach(() => {
    void setLanguage('en');
  });

  it('O7: remedial measures are marked required and refused empty when the complaint is upheld', async () => {
    const draft = emptyDraft();
    const wrapper = mountForm(draft);
    const remedialLabel = () => wrapper.find('label[for="decision-remedial-measures"]').text();
    expect(remedialLabel()).toContain('optional');

    await wrapper.find('#decision-outcome-UPHELD').trigger('click');
    expect(draft.outcome).toBe('UPHELD');
    expect(remedialLabel()).toContain('required');
    expect(wrapper.find('#decision-remedial-measures').attributes('aria-required')).toBe('true');

    await wrapper
      .find('#decision-reasoning')
      .setValue('The office refused without a legal ground.');
    await wrapper.find('form').trigger('submit');
    await nextTick();

    expect(wrapper.emitted('submit')).toBeUndefined();
    const summary = wrapper.find('.error-summary');
    expect(summary.exists()).toBe(true);
    const link = summary.find('a[href="#decision-remedial-measures"]');
    expect(link.exists()).toBe(true);
    // The summary names the field; the same message is inline, tied to the field.
    const inline = wrapper.find('#decision-remedial-measures-error');
    expect(inline.text()).toMatch(/remedial|restore/i);
    expect(link.text()).toBe(`Measures to restore the recipient's rights: ${inline.text()}`);
    expect(wrapper.find('#decision-remedial-measures').attributes('aria-invalid')).toBe('true');
    // The summary's link takes the user to the field.
    await link.trigger('click');
    expect(document.activeElement?.id).toBe('decision-remedial-measures');
    // Reasoning was given: no error for it.
    expect(summary.find('a[href="#decision-reasoning"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('O7: a partially upheld decision with measures is sent', async () => {
    const draft = emptyDraft();
    const wrapper = mountForm(draft);
    await wrapper.find('#decision-outcome-PARTIALLY_UPHELD').trigger('click');
    await wrapper.find('#decision-reasoning').setValue('Part of the documents were lost.');
    await wrapper.find('#decision-remedial-measures').setValue('The service is rendered again.');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.emitted('submit')).toHaveLength(1);
    wrapper.unmount();
  });

  it('O7: remedial measures are not required when the complaint is rejected', async () => {
    const draft = emptyDraft();
    const wrapper = mountForm(draft);
    await wrapper.find('#decision-outcome-REJECTED').trigger('click');
    expect(wrapper.find('label[for="decision-remedial-measures"]').text()).toContain('optional');
    await wrapper.find('#decision-reasoning').setValue('The service was rendered within its term.');
    await wrapper.find('form').trigger('submit');
    await nextTick();

    expect(wrapper.find('.error-summary').exists()).toBe(false);
    expect(wrapper.emitted('submit')).toHaveLength(1);
    wrapper.unmount();
  });

  it('O5: without outcome and reasoning the summary links to both fields', async () => {
    const wrapper = mountForm(emptyDraft());
    await wrapper.find('form').trigger('submit');
    await nextTick();
    const hrefs = wrapper.findAll('.error-summary a').map((a) => a.attributes('href'));
    expect(hrefs).toEqual(['#decision-outcome-UPHELD', '#decision-reasoning']);
    expect(wrapper.emitted('submit')).toBeUndefined();
    wrapper.unmount();
  });

  it('BAD_USER_INPUT: the server fields land on the same inputs', async () => {
    void setLanguage('ru');
    const wrapper = mountForm(
      reactive({ outcome: 'UPHELD', reasoning: 'x', remedialMeasures: 'y' }),
      {
        remedialMeasures: 'Сервер: укажите меры',
      },
    );
    await nextTick();
    expect(wrapper.find('.error-summary a[href="#decision-remedial-measures"]').text()).toBe(
      'Меры по восстановлению нарушенных прав: Сервер: укажите меры',
    );
    expect(wrapper.find('#decision-remedial-measures-error').text()).toBe('Сервер: укажите меры');
    wrapper.unmount();
  });
});
