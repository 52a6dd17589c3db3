import { computed, reactive, ref, shallowRef, watch } from 'vue';
import { useI18n } from 'vue-i18n';
import { useRouter } from 'vue-router';
import {
  validateComplaint,
  validateConsent,
  type AccessibilityNeed,
  type ComplaintSubject,
  type ConsentScope,
  type Language,
  type NoticeChannel,
  type NoticeLanguage,
  type RecipientField,
  type RecipientKind,
  type SignatureMethod,
  type Violation,
} from '@complaints/domain';
import {
  FileComplaintDocument,
  MeDocument,
  PublicServicesDocument,
  type FileComplaintInput,
} from '../graphql/generated/graphql';
import { almatyToday } from '../format';
import { fieldErrors, serverFieldsOf, type FieldRef } from './fieldErrors';
import { useMutation, useQuery } from './useQuery';

// The paper complaint an officer registers (C1–C4, O2, O8): the form's state, its validation by
// the domain's rules, and the mapping of every violation (ours or the server's) to one field.

/** The recipient's choices that are not typed text. */
type RecipientChoice = 'kind' | 'accessibilityNeeds' | 'noticeChannels' | 'language' | 'easyRead';

/**
 * The domain's recipient as the form holds it (every text a string, '' when empty): derived from
 * its one declaration, so a field added or renamed there is a type error here.
 */
export type RecipientForm = { [K in Exclude<RecipientField, RecipientChoice>]: string } & {
  kind: RecipientKind;
  accessibilityNeeds: AccessibilityNeed[];
  /** O5: how the recipient wants to be told; none: by post (a paper filing). */
  noticeChannels: NoticeChannel[];
  /** '' : both Kazakh and Russian. */
  language: NoticeLanguage | '';
  easyRead: boolean;
};

/** O5: the channels a paper registration offers (the portal serves only its own filings). */
export const PAPER_NOTICE_CHANNELS: readonly NoticeChannel[] = ['PAPER', 'EMAIL', 'SMS'];

export interface ConsentForm {
  /** The recipient gave written consent with the complaint. */
  given: boolean;
  scope: ConsentScope[];
  signedBy: string;
  method: SignatureMethod;
  signedOn: string;
  /** The signed paper form's registration number or the digital signature's reference. */
  evidence: string;
}

export interface ComplaintForm {
  recipient: RecipientForm;
  subject: ComplaintSubject | '';
  description: string;
  publicServiceCode: string;
  official: string;
  signatureMethod: SignatureMethod;
  /** C3: the officer confirms the paper carries the recipient's signature. */
  signed: boolean;
  consent: ConsentForm;
}

/** The input as sent (and as the domain validates it); providerId is the officer's provider. */
export type ComplaintInput = Omit<FileComplaintInput, 'providerId'> & { providerId: string };

export function emptyRecipient(): RecipientForm {
  return {
    kind: 'INDIVIDUAL',
    surname: '',
    givenName: '',
    patronymic: '',
    iin: '',
    organizationName: '',
    bin: '',
    outgoingNumber: '',
    outgoingDate: '',
    postalAddress: '',
    email: '',
    phone: '',
    accessibilityNeeds: [],
    noticeChannels: [],
    language: '',
    easyRead: false,
  };
}

export function emptyConsent(today: string): ConsentForm {
  return {
    given: false,
    scope: [],
    signedBy: '',
    method: 'HANDWRITTEN',
    signedOn: today,
    evidence: '',
  };
}

export function emptyComplaintForm(today: string): ComplaintForm {
  return {
    recipient: emptyRecipient(),
    subject: '',
    description: '',
    publicServiceCode: '',
    official: '',
    // C3: a paper complaint is signed by hand unless the officer says otherwise.
    signatureMethod: 'HANDWRITTEN',
    signed: false,
    consent: emptyConsent(today),
  };
}

/** The form's recipient fields by kind: those of the other kind are never sent. */
export const RECIPIENT_FIELDS_BY_KIND = {
  INDIVIDUAL: ['surname', 'givenName', 'patronymic', 'iin'],
  LEGAL_ENTITY: ['organizationName', 'bin', 'outgoingNumber', 'outgoingDate'],
} as const satisfies Record<RecipientKind, readonly (keyof RecipientForm)[]>;

function text(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** The FileComplaintInput the form stands for; fields left empty are null. */
export function toComplaintInput(form: ComplaintForm, providerId: string): ComplaintInput {
  const r = form.recipient;
  const ofKind = (field: keyof RecipientForm) =>
    (RECIPIENT_FIELDS_BY_KIND[r.kind] as readonly string[]).includes(field)
      ? text(r[field] as string)
      : null;
  return {
    providerId,
    publicServiceCode: text(form.publicServiceCode),
    official: text(form.official),
    // Checked by the domain before sending: the casts only name what validation proved.
    subject: form.subject as ComplaintSubject,
    description: form.description,
    channel: 'PAPER',
    signature: (form.signed ? form.signatureMethod : '') as SignatureMethod,
    recipient: {
      kind: r.kind,
      surname: ofKind('surname'),
      givenName: ofKind('givenName'),
      patronymic: ofKind('patronymic'),
      iin: ofKind('iin'),
      organizationName: ofKind('organizationName'),
      bin: ofKind('bin'),
      outgoingNumber: ofKind('outgoingNumber'),
      outgoingDate: ofKind('outgoingDate'),
      postalAddress: r.postalAddress,
      email: text(r.email),
      phone: text(r.phone),
      accessibilityNeeds: [...r.accessibilityNeeds],
      noticeChannels: [...r.noticeChannels],
      language: r.language === '' ? null : r.language,
      easyRead: r.easyRead,
    },
    consents: form.consent.given
      ? [
          {
            scope: [...form.consent.scope],
            signedBy: form.consent.signedBy,
            method: form.consent.method,
            signedOn: form.consent.signedOn,
            evidence: form.consent.evidence,
          },
        ]
      : null,
  };
}

/** Every rule the form breaks, by the domain's validators, with the server's field paths. */
export function validateComplaintInput(input: ComplaintInput, today: string): Violation[] {
  const consents = (input.consents ?? []).flatMap((consent, i) =>
    validateConsent(consent, { today }).map((v) => ({ ...v, field: `consents.${i}.${v.field}` })),
  );
  const { receivedAt, ...rest } = input;
  const received = receivedAt ? new Date(receivedAt) : null;
  return [
    ...validateComplaint({ ...rest, receivedAt: received }, { today, now: new Date() }),
    ...consents,
  ];
}

/** A stable element id for a field path: 'recipient.givenName' → 'field-recipient-given-name'. */
export function fieldIdOf(path: string): string {
  return `field-${path
    .split('.')
    .map((part) => part.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`))
    .join('-')}`;
}

/** An option's id in a group: the first carries the group's id (the error summary links to it). */
export function optionIdOf(groupId: string, value: string, index: number): string {
  return index === 0 ? groupId : `${groupId}-${value.toLowerCase().replace(/_/g, '-')}`;
}

/** The order of the fields on the page: the error summary lists problems in it. */
export const FIELD_ORDER: readonly string[] = [
  'providerId',
  'channel',
  'recipient',
  'recipient.kind',
  'recipient.surname',
  'recipient.givenName',
  'recipient.patronymic',
  'recipient.iin',
  'recipient.organizationName',
  'recipient.bin',
  'recipient.outgoingNumber',
  'recipient.outgoingDate',
  'recipient.postalAddress',
  'recipient.email',
  'recipient.phone',
  'recipient.accessibilityNeeds',
  'subject',
  'description',
  'publicServiceCode',
  'official',
  'signature',
  'consents.0.scope',
  'consents.0.signedBy',
  'consents.0.method',
  'consents.0.signedOn',
  'consents.0.evidence',
];

/** The i18n key of each field's label: the summary names the field before its problem. */
export const FIELD_LABEL_KEYS: Readonly<Record<string, string>> = {
  providerId: 'register.provider.label',
  channel: 'register.channel',
  'recipient.kind': 'register.recipient.kind',
  'recipient.surname': 'register.recipient.surname',
  'recipient.givenName': 'register.recipient.givenName',
  'recipient.patronymic': 'register.recipient.patronymic',
  'recipient.iin': 'register.recipient.iin',
  'recipient.organizationName': 'register.recipient.organizationName',
  'recipient.bin': 'register.recipient.bin',
  'recipient.outgoingNumber': 'register.recipient.outgoingNumber',
  'recipient.outgoingDate': 'register.recipient.outgoingDate',
  'recipient.postalAddress': 'register.recipient.postalAddress',
  'recipient.email': 'register.recipient.email',
  'recipient.phone': 'register.recipient.phone',
  'recipient.accessibilityNeeds': 'register.recipient.needs',
  subject: 'register.complaint.subject',
  description: 'register.complaint.description',
  publicServiceCode: 'register.complaint.publicService',
  official: 'register.complaint.official',
  signature: 'register.signature.legend',
  'consents.0.scope': 'register.consent.scope',
  'consents.0.signedBy': 'register.consent.signedBy',
  'consents.0.method': 'register.consent.method',
  'consents.0.signedOn': 'register.consent.signedOn',
  'consents.0.evidence': 'register.consent.evidence',
};

function valueAt(input: unknown, path: string): string {
  const value = path
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node !== null && typeof node === 'object'
          ? (node as Record<string, unknown>)[part]
          : undefined,
      input,
    );
  return JSON.stringify(value ?? null);
}

function isBlank(serialized: string): boolean {
  return serialized === 'null' || serialized === '""' || serialized === '[]';
}

/** The name of the recipient as they would sign: for an individual, their full name. */
function fullName(recipient: RecipientForm): string {
  return [recipient.surname, recipient.givenName, recipient.patronymic]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(' ');
}

export function useComplaintRegistration(options: { now?: () => Date } = {}) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const router = useRouter();
  const today = almatyToday(options.now?.());

  const me = useQuery(MeDocument, {});
  const services = useQuery(PublicServicesDocument, { search: null });
  const filing = useMutation(FileComplaintDocument);

  const provider = computed(() => me.data.value?.me?.provider ?? null);
  const form = reactive<ComplaintForm>(emptyComplaintForm(today));
  const input = computed(() => toComplaintInput(form, provider.value?.id ?? ''));
  const violations = computed(() => validateComplaintInput(input.value, today));

  /** The first violation of each path, as the domain found it just now. */
  const violationByPath = computed(() => {
    const byPath = new Map<string, Violation>();
    for (const violation of violations.value) {
      if (!byPath.has(violation.field)) byPath.set(violation.field, violation);
    }
    return byPath;
  });

  /** Paths whose problem the user has been shown (on blur or on submit). */
  const shown = reactive(new Set<string>());
  /** The server's messages (already in the request language), with the value they judged. */
  const serverErrors = shallowRef<Record<string, { message: string; value: string }>>({});
  /** The failure of the last attempt, in words. */
  const failure = ref<string | null>(null);

  /** The page's fields in its order: the error summary lists problems in it. */
  const fields = computed<Record<string, FieldRef>>(() =>
    Object.fromEntries(
      FIELD_ORDER.map((path) => {
        const label = FIELD_LABEL_KEYS[path];
        return [path, { id: fieldIdOf(path), label: label && t(label).replace(/\?$/, '') }];
      }),
    ),
  );
  const problems = computed(() =>
    fieldErrors(fields.value, {
      language: locale.value as Language,
      violations: [...shown].flatMap((path) => violationByPath.value.get(path) ?? []),
      // A server message stands until the value it judged is changed.
      serverFields: Object.fromEntries(
        Object.entries(serverErrors.value)
          .filter(([path, error]) => valueAt(input.value, path) === error.value)
          .map(([path, error]) => [path, error.message]),
      ),
    }),
  );
  /** Field path → message in the chosen language: the inline errors. */
  const errors = computed(() => problems.value.byField);
  /** Field id → 'Label: message', in the order of the page: the error summary. */
  const summary = computed(() => problems.value.summary);
  /** What the summary says apart from its links. */
  const generalError = computed(
    () => [failure.value, ...problems.value.unplaced].filter(Boolean).join(' ') || null,
  );

  /** Leaving a field: its problem shows once it has had a value, and clears when fixed. */
  function blur(path: string) {
    if (!violationByPath.value.has(path)) {
      shown.delete(path);
    } else if (shown.has(path) || !isBlank(valueAt(input.value, path))) {
      shown.add(path);
    }
  }

  /** A choice made (radio, checkbox, select): judged at once. */
  function change(path: string) {
    if (violationByPath.value.has(path)) shown.add(path);
    else shown.delete(path);
  }

  // Fields of the other kind of recipient are not sent: their problems go with them.
  watch(
    () => form.recipient.kind,
    () => {
      for (const path of [...shown]) {
        if (path.startsWith('recipient.') && !violationByPath.value.has(path)) shown.delete(path);
      }
    },
  );

  // The consent is usually signed by the recipient: start from their name.
  watch(
    () => form.consent.given,
    (given) => {
      if (given && form.consent.signedBy.trim() === '' && form.recipient.kind === 'INDIVIDUAL') {
        form.consent.signedBy = fullName(form.recipient);
      }
      if (!given) {
        for (const path of [...shown]) if (path.startsWith('consents.')) shown.delete(path);
      }
    },
  );

  function errorText(code: string): string {
    return i18n.te(`errors.${code}`) ? t(`errors.${code}`) : t('errors.INTERNAL_SERVER_ERROR');
  }

  async function submit(): Promise<void> {
    failure.value = null;
    serverErrors.value = {};
    if (violations.value.length > 0) {
      for (const violation of violations.value) shown.add(violation.field);
      return;
    }
    const sent = input.value;
    const data = await filing.run({ input: sent });
    if (!data) {
      const error = filing.error.value;
      if (!error) return;
      serverErrors.value = Object.fromEntries(
        Object.entries(serverFieldsOf(error)).map(([path, message]) => [
          path,
          { message, value: valueAt(sent, path) },
        ]),
      );
      failure.value = errorText(error.code);
      return;
    }
    const receipt = data.fileComplaint;
    // The tracking code is shown once: it travels in the history entry, never in the URL.
    await router.push({
      name: 'receipt',
      params: { id: receipt.complaint.id },
      state: { trackingCode: receipt.trackingCode },
    });
  }

  return {
    today,
    form,
    me,
    provider,
    services,
    errors,
    summary,
    generalError,
    running: filing.running,
    blur,
    change,
    submit,
  };
}
