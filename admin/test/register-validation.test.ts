import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { createMemoryHistory, createRouter } from 'vue-router';
import { isValidIin, messageFor, withKzChecksum, type Language } from '@complaints/domain';
import RegisterComplaintPage from '../src/pages/RegisterComplaintPage.vue';
import { i18n, setLanguage } from '../src/i18n';

// The network is stubbed: the officer's provider, a register of one service, and the mutation.
const network = vi.hoisted(() => {
  const state: { run: Mock<(variables: unknown) => Promise<unknown>>; error: unknown } = {
    run: vi.fn(),
    error: null,
  };
  return state;
});

vi.mock('../src/composables/useQuery', async () => {
  const { ref, shallowRef } = await import('vue');
  const data: Record<string, unknown> = {
    Me: {
      me: {
        id: 'user-1',
        provider: {
          id: 'provider-1',
          nameKk: 'Астана қаласы бойынша ХҚКО',
          nameRu: 'ЦОН по городу Астане',
          postalAddress: 'Астана, пр. Республики, 43',
        },
      },
    },
    PublicServices: {
      publicServices: [{ code: '00101001', nameKk: 'Тіркеу', nameRu: 'Регистрация' }],
    },
  };
  return {
    useQuery: (document: { definitions: { name?: { value: string } }[] }) => ({
      data: shallowRef(data[document.definitions[0]?.name?.value ?? '']),
      error: shallowRef(null),
      loading: ref(false),
      refetch: () => {},
    }),
    useMutation: () => {
      const error = shallowRef<unknown>(null);
      return {
        error,
        running: ref(false),
        run: async (variables: unknown) => {
          const result = await network.run(variables);
          error.value = result ? null : network.error;
          return result;
        },
      };
    },
  };
});

function mountPage(language: Language) {
  void setLanguage(language);
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { render: () => null } },
      { path: '/register', name: 'register', component: RegisterComplaintPage },
      { path: '/receipt/:id', name: 'receipt', component: { render: () => null } },
      { path: '/stage', name: 'stage', component: { render: () => null } },
    ],
  });
  const wrapper = mount(RegisterComplaintPage, {
    global: { plugins: [i18n, router] },
    attachTo: document.body,
  });
  return { wrapper, router };
}

function required(language: Language): string {
  return messageFor({ field: 'any', key: 'required' }, language);
}

const VALID_IIN = withKzChecksum('90010130012')!;

beforeEach(() => {
  network.run.mockReset();
  network.error = null;
});
afterEach(() => {
  document.body.innerHTML = '';
});

describe('RegisterComplaintPage validation', () => {
  it.each(['kk', 'ru', 'en'] as const)(
    'C1, C3: submitting an empty form shows the domain’s messages in %s, inline and in the summary',
    async (language) => {
      const { wrapper } = mountPage(language);
      await wrapper.find('form').trigger('submit');
      await flushPromises();

      for (const id of [
        'field-recipient-surname',
        'field-recipient-given-name',
        'field-recipient-postal-address',
      ]) {
        expect(wrapper.find(`#${id}-error`).text(), id).toBe(required(language));
        expect(wrapper.find(`#${id}`).attributes('aria-invalid')).toBe('true');
        const link = wrapper.find(`.error-summary a[href="#${id}"]`);
        expect(link.exists(), id).toBe(true);
        // The summary names the field, then gives the domain's message.
        const label = wrapper.find(`label[for="${id}"]`).text();
        expect(link.text()).toBe(`${label}: ${required(language)}`);
      }
      // C3: unsigned is refused with the domain's own message.
      const unsigned = messageFor({ field: 'signature', key: 'unsigned' }, language);
      expect(wrapper.find('#field-signature-error').text()).toBe(unsigned);
      expect(wrapper.find('.error-summary a[href="#field-signature"]').text()).toContain(unsigned);
      // Optional fields stay quiet.
      expect(wrapper.find('#field-recipient-patronymic-error').exists()).toBe(false);
      expect(wrapper.find('#field-recipient-iin-error').exists()).toBe(false);
      expect(network.run).not.toHaveBeenCalled();
    },
  );

  it('C3: ticking that the recipient signed clears the unsigned message', async () => {
    const { wrapper } = mountPage('ru');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('#field-signature-error').exists()).toBe(true);

    await wrapper.find('#field-signature').setValue(true);
    expect(wrapper.find('#field-signature-error').exists()).toBe(false);
    expect(wrapper.find('.error-summary a[href="#field-signature"]').exists()).toBe(false);
  });

  it('C1: a bad IIN shows the checksum message when the field is left', async () => {
    const badIin = '123456789012';
    expect(isValidIin(badIin)).toBe(false);
    const { wrapper } = mountPage('kk');

    // Leaving an untouched field says nothing yet.
    await wrapper.find('#field-recipient-iin').trigger('blur');
    expect(wrapper.find('#field-recipient-iin-error').exists()).toBe(false);

    await wrapper.find('#field-recipient-iin').setValue(badIin);
    await wrapper.find('#field-recipient-iin').trigger('blur');
    expect(wrapper.find('#field-recipient-iin-error').text()).toBe(
      messageFor({ field: 'recipient.iin', key: 'invalidIin' }, 'kk'),
    );

    // The message follows the language switch.
    void setLanguage('ru');
    await flushPromises();
    expect(wrapper.find('#field-recipient-iin-error').text()).toBe(
      messageFor({ field: 'recipient.iin', key: 'invalidIin' }, 'ru'),
    );

    await wrapper.find('#field-recipient-iin').setValue(VALID_IIN);
    await wrapper.find('#field-recipient-iin').trigger('blur');
    expect(wrapper.find('#field-recipient-iin-error').exists()).toBe(false);
  });

  async function fillValidComplaint(wrapper: ReturnType<typeof mountPage>['wrapper']) {
    await wrapper.find('#field-recipient-surname').setValue('Ахметов');
    await wrapper.find('#field-recipient-given-name').setValue('Серік');
    await wrapper.find('#field-recipient-iin').setValue(VALID_IIN);
    await wrapper.find('#field-recipient-postal-address').setValue('Астана, ул. Кенесары, 1');
    await wrapper.find('#field-subject').trigger('click');
    await wrapper.find('#field-description').setValue('Справку не выдали в срок.');
    await wrapper.find('#field-signature').setValue(true);
  }

  it('sends a valid PAPER complaint against the officer’s provider, then opens the receipt with the code in the navigation state', async () => {
    network.run.mockResolvedValue({
      fileComplaint: {
        trackingCode: 'ABCD-EFGH-JKMN',
        complaint: {
          id: 'complaint-1',
          version: 1,
          status: 'REGISTERED',
          registration: {
            incomingNumber: 'AST-2026-00001',
            registeredOn: '2026-11-25',
            responseDeadline: '2026-12-02',
          },
        },
      },
    });
    const { wrapper, router } = mountPage('ru');
    const push = vi.spyOn(router, 'push');
    await fillValidComplaint(wrapper);
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    expect(network.run).toHaveBeenCalledTimes(1);
    const { input } = network.run.mock.calls[0]![0] as { input: Record<string, unknown> };
    expect(input).toMatchObject({
      providerId: 'provider-1',
      channel: 'PAPER',
      signature: 'HANDWRITTEN',
      subject: 'DECISION',
      consents: null,
      recipient: {
        kind: 'INDIVIDUAL',
        surname: 'Ахметов',
        givenName: 'Серік',
        iin: VALID_IIN,
        organizationName: null,
        bin: null,
      },
    });
    expect(push).toHaveBeenCalledWith({
      name: 'receipt',
      params: { id: 'complaint-1' },
      state: { trackingCode: 'ABCD-EFGH-JKMN' },
    });
  });

  it('O8: a consent without the proof of its signature is refused on the evidence field', async () => {
    const { wrapper } = mountPage('en');
    await fillValidComplaint(wrapper);
    await wrapper.find('#field-consent-given').setValue(true);
    await wrapper.find('#field-consents-0-scope').setValue(true);
    const evidence = wrapper.find('#field-consents-0-evidence');
    expect(wrapper.find('label[for="field-consents-0-evidence"]').text()).toBe(
      'Proof of signature',
    );
    expect(evidence.attributes('maxlength')).toBe('200');
    expect(evidence.attributes('aria-describedby')).toContain('field-consents-0-evidence-hint');
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    expect(network.run).not.toHaveBeenCalled();
    expect(wrapper.find('#field-consents-0-evidence-error').text()).toBe(required('en'));
    expect(evidence.attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('.error-summary a[href="#field-consents-0-evidence"]').text()).toBe(
      `Proof of signature: ${required('en')}`,
    );
  });

  it('maps the server’s BAD_USER_INPUT fields to the same fields, consents included', async () => {
    network.run.mockResolvedValue(null);
    network.error = {
      code: 'BAD_USER_INPUT',
      fields: {
        'recipient.surname': 'Сервер: фамилия',
        'consents.0.signedOn': 'Сервер: дата',
        'consents.0.evidence': 'Сервер: подтверждение',
      },
      extensions: {},
    };
    const { wrapper } = mountPage('ru');
    await fillValidComplaint(wrapper);
    await wrapper.find('#field-consent-given').setValue(true);
    await wrapper.find('#field-consents-0-scope').setValue(true);
    await wrapper.find('#field-consents-0-evidence').setValue('ЦОН-2026/000145');
    await wrapper.find('form').trigger('submit');
    await flushPromises();

    expect(network.run).toHaveBeenCalledTimes(1);
    const { input } = network.run.mock.calls[0]![0] as { input: { consents: unknown[] } };
    // The consent starts from the recipient's name, signed by hand today.
    expect(input.consents).toEqual([
      expect.objectContaining({
        scope: ['PERSONAL_DATA'],
        signedBy: 'Ахметов Серік',
        method: 'HANDWRITTEN',
        evidence: 'ЦОН-2026/000145',
      }),
    ]);
    expect(wrapper.find('#field-recipient-surname-error').text()).toBe('Сервер: фамилия');
    expect(wrapper.find('#field-consents-0-signed-on-error').text()).toBe('Сервер: дата');
    expect(wrapper.find('#field-consents-0-evidence-error').text()).toBe('Сервер: подтверждение');
    expect(wrapper.find('.error-summary a[href="#field-consents-0-signed-on"]').exists()).toBe(
      true,
    );
    expect(wrapper.find('.error-summary').text()).toContain(i18n.global.t('errors.BAD_USER_INPUT'));

    // Changing the value the server judged clears its message.
    await wrapper.find('#field-recipient-surname').setValue('Ахметова');
    expect(wrapper.find('#field-recipient-surname-error').exists()).toBe(false);
  });
});
