import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { nextTick, reactive } from 'vue';
import RecipientFields from '../src/components/RecipientFields.vue';
import {
  emptyComplaintForm,
  emptyRecipient,
  toComplaintInput,
  type RecipientForm,
} from '../src/composables/useComplaintRegistration';
import { i18n, setLanguage } from '../src/i18n';

function mountFields(recipient: RecipientForm, errors: Record<string, string> = {}) {
  return mount(RecipientFields, {
    props: { modelValue: recipient, errors, today: '2026-11-25' },
    global: { plugins: [i18n] },
  });
}

function labelOf(wrapper: ReturnType<typeof mountFields>, id: string): string {
  return wrapper.find(`label[for="${id}"]`).text();
}

describe('RecipientFields', () => {
  it('C1: an individual is asked for surname, given name, patronymic, IIN and postal address', () => {
    void setLanguage('en');
    const wrapper = mountFields(reactive(emptyRecipient()));
    for (const id of [
      'field-recipient-surname',
      'field-recipient-given-name',
      'field-recipient-patronymic',
      'field-recipient-iin',
      'field-recipient-postal-address',
    ]) {
      expect(wrapper.find(`#${id}`).exists(), id).toBe(true);
    }
    expect(wrapper.find('#field-recipient-organization-name').exists()).toBe(false);
    expect(wrapper.find('#field-recipient-bin').exists()).toBe(false);
    expect(labelOf(wrapper, 'field-recipient-surname')).toBe('Surname');
    expect(labelOf(wrapper, 'field-recipient-patronymic')).toContain('optional');
  });

  it('C2: choosing a legal entity shows its name, BIN, outgoing number and date instead', async () => {
    void setLanguage('ru');
    const recipient = reactive(emptyRecipient());
    const wrapper = mountFields(recipient);

    await wrapper.find('#field-recipient-kind-legal-entity').trigger('click');
    await nextTick();

    expect(recipient.kind).toBe('LEGAL_ENTITY');
    for (const id of [
      'field-recipient-organization-name',
      'field-recipient-bin',
      'field-recipient-outgoing-number',
      'field-recipient-outgoing-date',
      'field-recipient-postal-address',
    ]) {
      expect(wrapper.find(`#${id}`).exists(), id).toBe(true);
    }
    for (const id of [
      'field-recipient-surname',
      'field-recipient-given-name',
      'field-recipient-iin',
    ]) {
      expect(wrapper.find(`#${id}`).exists(), id).toBe(false);
    }
    expect(labelOf(wrapper, 'field-recipient-bin')).toBe('БИН');
    expect(wrapper.find('#field-recipient-outgoing-date').attributes('type')).toBe('date');
    expect(wrapper.find('#field-recipient-outgoing-date').attributes('max')).toBe('2026-11-25');

    // And back: the individual's fields return.
    await wrapper.find('#field-recipient-kind').trigger('click');
    await nextTick();
    expect(recipient.kind).toBe('INDIVIDUAL');
    expect(wrapper.find('#field-recipient-surname').exists()).toBe(true);
    expect(wrapper.find('#field-recipient-bin').exists()).toBe(false);
  });

  it('kinds are a radio group with a legend; needs are checkboxes with their own labels', () => {
    void setLanguage('kk');
    const wrapper = mountFields(reactive(emptyRecipient()));
    const group = wrapper.find('fieldset[role="radiogroup"]');
    expect(group.find('legend').text()).toBe(i18n.global.t('register.recipient.kind'));
    const kinds = group.findAll('[role="radio"]');
    expect(kinds).toHaveLength(2);
    expect(kinds.map((radio) => radio.attributes('aria-checked'))).toEqual(['true', 'false']);
    expect(labelOf(wrapper, 'field-recipient-kind')).toBe('Жеке тұлға');
    const needs = wrapper.findAll('input[name="recipient-accessibility-needs"]');
    expect(needs).toHaveLength(6);
    expect(labelOf(wrapper, 'field-recipient-accessibility-needs')).toBe('Арбамен кіру мүмкіндігі');
  });

  it('shows an error inline, linked to its input', () => {
    void setLanguage('en');
    const wrapper = mountFields(reactive(emptyRecipient()), { 'recipient.surname': 'Required' });
    const input = wrapper.find('#field-recipient-surname');
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(input.attributes('aria-describedby')).toContain('field-recipient-surname-error');
    expect(wrapper.find('#field-recipient-surname-error').text()).toBe('Required');
  });

  it('emits blur with the field path, for inline validation', async () => {
    const wrapper = mountFields(reactive(emptyRecipient()));
    await wrapper.find('#field-recipient-surname').trigger('blur');
    expect(wrapper.emitted('blur')).toEqual([['recipient.surname']]);
  });

  it('O5: the officer records how the recipient wants to be told, in which language, easy-read; the filing carries it', async () => {
    void setLanguage('kk');
    const recipient = reactive(emptyRecipient());
    const wrapper = mountFields(recipient);
    // A paper registration offers paper, email and SMS, not the portal.
    const offered = wrapper
      .findAll('input[name="recipient-notice-channels"]')
      .map((input) => input.attributes('value'));
    expect(offered).toEqual(['PAPER', 'EMAIL', 'SMS']);
    expect(wrapper.text()).toContain('Хабарламаларды жіберу тәсілі');

    await wrapper.find('input[name="recipient-notice-channels"][value="EMAIL"]').setValue(true);
    await wrapper.find('#field-recipient-language-ru').trigger('click');
    await wrapper.find('#field-recipient-easy-read').setValue(true);
    await nextTick();
    expect(recipient.noticeChannels).toEqual(['EMAIL']);
    expect(recipient.language).toBe('RU');
    expect(recipient.easyRead).toBe(true);

    const form = emptyComplaintForm('2026-11-25');
    form.recipient = recipient;
    const input = toComplaintInput(form, 'provider-1');
    expect(input.recipient).toMatchObject({
      noticeChannels: ['EMAIL'],
      language: 'RU',
      easyRead: true,
    });
    // Nothing chosen: both languages, by the filing's channel.
    const plain = toComplaintInput(emptyComplaintForm('2026-11-25'), 'provider-1');
    expect(plain.recipient).toMatchObject({ noticeChannels: [], language: null, easyRead: false });
  });
});
