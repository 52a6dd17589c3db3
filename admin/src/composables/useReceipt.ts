import { computed, nextTick, ref, watch, type MaybeRefOrGetter, toValue } from 'vue';
import { useI18n } from 'vue-i18n';
import { loadLanguage } from '../i18n';
import { useRouter } from 'vue-router';
import type { Language } from '@complaints/domain';
import { ReceiptDocument, type ReceiptQuery } from '../graphql/generated/graphql';
import { useQuery } from './useQuery';

// C4, O3, O6: the receipt of a registered complaint, printable on A4 in Kazakh and Russian.

export type ReceiptComplaint = NonNullable<ReceiptQuery['complaint']>;
export type ReceiptRecipient = ReceiptComplaint['recipient'];

/** The printed layout: one sheet in the interface language, or one in Kazakh and one in Russian. */
export type ReceiptLayout = 'single' | 'both';

/** A name given in Kazakh and Russian, in the language asked for (Russian stands in for English). */
export function nameIn(entity: { nameKk: string; nameRu: string }, language: Language): string {
  return language === 'kk' ? entity.nameKk : entity.nameRu;
}

/** Who complains, as the receipt names them: the full name, or the organization. */
export function recipientName(recipient: ReceiptRecipient): string {
  if (recipient.kind === 'LEGAL_ENTITY') return recipient.organizationName ?? '';
  return [recipient.surname, recipient.givenName, recipient.patronymic].filter(Boolean).join(' ');
}

/** The tracking code handed over at registration: only in this history entry's state. */
export function trackingCodeFromHistory(): string | null {
  const state: unknown = typeof window === 'undefined' ? null : window.history.state;
  if (state === null || typeof state !== 'object') return null;
  const code = (state as Record<string, unknown>).trackingCode;
  return typeof code === 'string' && code !== '' ? code : null;
}

export function useReceipt(id: MaybeRefOrGetter<string>) {
  const { locale } = useI18n();
  const router = useRouter();
  const receipt = useQuery(ReceiptDocument, () => ({ id: toValue(id) }));
  const complaint = computed(() => receipt.data.value?.complaint ?? null);

  // The sheets are printed in Kazakh and Russian whatever the interface language.
  void Promise.all([loadLanguage('kk'), loadLanguage('ru')]);

  const trackingCode = trackingCodeFromHistory();
  const layout = ref<ReceiptLayout>('both');
  const largePrint = ref(false);
  let largePrintChosen = false;

  // O2: large print is on by default for a recipient who needs it, until the officer chooses.
  watch(
    () => complaint.value?.recipient.accessibilityNeeds,
    (needs) => {
      if (!largePrintChosen && needs) largePrint.value = needs.includes('LARGE_PRINT');
    },
    { immediate: true },
  );

  function setLargePrint(value: boolean) {
    largePrintChosen = true;
    largePrint.value = value;
  }

  const sheetLanguages = computed<Language[]>(() =>
    layout.value === 'both' ? ['kk', 'ru'] : [locale.value as Language],
  );

  /** Where the recipient asks for the stage: the public page, as a full address. */
  const stageUrl = computed(() => {
    const path = router.resolve({ name: 'stage' }).href;
    return typeof window === 'undefined' ? path : new URL(path, window.location.origin).href;
  });

  async function print(chosen?: ReceiptLayout) {
    if (chosen) layout.value = chosen;
    await nextTick();
    window.print();
  }

  return {
    complaint,
    loading: receipt.loading,
    error: receipt.error,
    refetch: receipt.refetch,
    trackingCode,
    layout,
    largePrint,
    setLargePrint,
    sheetLanguages,
    stageUrl,
    print,
  };
}
