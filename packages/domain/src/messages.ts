import type { Violation } from './validation.js';

// The texts of validation violations, for the admin's forms and for BAD_USER_INPUT fields.
// The server and admin carry only the keys; the text is chosen here, in the reader's language.

export type Language = 'kk' | 'ru' | 'en';

export const LANGUAGES: readonly Language[] = ['kk', 'ru', 'en'];

/**
 * Kazakh, the state language (Constitution, art. 7), when a client states nothing we support:
 * a civil servant's software answers in the state language first.
 */
export const DEFAULT_LANGUAGE: Language = 'kk';

export const MESSAGE_KEYS = [
  'required',
  'tooLong',
  'unknownValue',
  'duplicateValue',
  'atLeastOne',
  'invalidDate',
  'futureDate',
  'invalidIin',
  'invalidBin',
  'invalidEmail',
  'invalidPhone',
  'notForIndividual',
  'notForLegalEntity',
  'unsigned',
  'remedialMeasuresRequired',
  'outOfRange',
  'notFound',
  'controlCharacter',
  'contactForNotices',
  'receivedTooLongAgo',
  'notForElectronic',
] as const;

export type MessageKey = (typeof MESSAGE_KEYS)[number];

// `{max}` and the like are filled from the violation's params.
export const MESSAGES: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = {
  kk: {
    required: 'Толтыру міндетті',
    tooLong: 'Ұзындығы {max} таңбадан аспауы тиіс',
    unknownValue: 'Рұқсат етілмеген мән',
    duplicateValue: 'Мәндер қайталанбауы тиіс',
    atLeastOne: 'Кемінде бір мәнді таңдаңыз',
    invalidDate: 'Күнді ЖЖЖЖ-АА-КК пішімінде дұрыс көрсетіңіз',
    futureDate: 'Күн бүгінгі күннен кейін болмауы тиіс',
    invalidIin: 'ЖСН қате: 12 цифр және дұрыс бақылау разряды болуы тиіс',
    invalidBin: 'БСН қате: 12 цифр және дұрыс бақылау разряды болуы тиіс',
    invalidEmail: 'Электрондық пошта мекенжайы қате',
    invalidPhone: 'Телефон нөмірі қате: +7 немесе 8, одан кейін 10 цифр',
    notForIndividual: 'Жеке тұлға үшін бұл өріс толтырылмайды',
    notForLegalEntity: 'Заңды тұлға үшін бұл өріс толтырылмайды',
    unsigned: 'Шағымға алушы қол қоюы тиіс',
    remedialMeasuresRequired:
      'Шағым қанағаттандырылған кезде бұзылған құқықтарды қалпына келтіру шараларын көрсетіңіз',
    outOfRange: 'Мәні {min} мен {max} аралығында болуы тиіс',
    notFound: 'Мұндай жазба табылмады',
    controlCharacter: 'Басқару таңбалары болмауы тиіс',
    contactForNotices: 'Хабарламалар осы арна арқылы жіберілуі үшін толтырыңыз',
    receivedTooLongAgo: 'Алынған күн соңғы {days} күннің ішінде болуы тиіс',
    notForElectronic: 'Электрондық шағым берілген сәтте алынады',
  },
  ru: {
    required: 'Обязательное поле',
    // «не более N символов» agrees for every N except those ending in 1 («одного символа»);
    // no maximum in MAX_LENGTH ends in 1.
    tooLong: 'Не более {max} символов',
    unknownValue: 'Недопустимое значение',
    duplicateValue: 'Значения не должны повторяться',
    atLeastOne: 'Выберите хотя бы одно значение',
    invalidDate: 'Укажите существующую дату в формате ГГГГ-ММ-ДД',
    futureDate: 'Дата не может быть позже сегодняшней',
    invalidIin: 'Неверный ИИН: нужно 12 цифр с верным контрольным разрядом',
    invalidBin: 'Неверный БИН: нужно 12 цифр с верным контрольным разрядом',
    invalidEmail: 'Неверный адрес электронной почты',
    invalidPhone: 'Неверный номер телефона: +7 или 8 и 10 цифр',
    notForIndividual: 'Для физического лица это поле не заполняется',
    notForLegalEntity: 'Для юридического лица это поле не заполняется',
    unsigned: 'Жалоба должна быть подписана заявителем',
    remedialMeasuresRequired:
      'При удовлетворении жалобы укажите меры по восстановлению нарушенных прав',
    outOfRange: 'Значение должно быть от {min} до {max}',
    notFound: 'Такая запись не найдена',
    controlCharacter: 'Не должно содержать управляющих символов',
    contactForNotices: 'Заполните, чтобы уведомления приходили по этому каналу',
    receivedTooLongAgo: 'Дата получения — в пределах последних {days} дней',
    notForElectronic: 'Электронная жалоба получена в момент подачи',
  },
  en: {
    required: 'Required',
    tooLong: 'At most {max} characters',
    unknownValue: 'Not an allowed value',
    duplicateValue: 'Values must not repeat',
    atLeastOne: 'Choose at least one',
    invalidDate: 'Enter a real date as YYYY-MM-DD',
    futureDate: 'The date cannot be later than today',
    invalidIin: 'Invalid IIN: 12 digits with a correct check digit',
    invalidBin: 'Invalid BIN: 12 digits with a correct check digit',
    invalidEmail: 'Invalid email address',
    invalidPhone: 'Invalid phone number: +7 or 8 followed by 10 digits',
    notForIndividual: 'Not filled in for an individual',
    notForLegalEntity: 'Not filled in for a legal entity',
    unsigned: 'The recipient must sign the complaint',
    remedialMeasuresRequired:
      'State the measures taken to restore the violated rights when the complaint is upheld',
    outOfRange: 'Must be from {min} to {max}',
    notFound: 'No such record',
    controlCharacter: 'Must not contain control characters',
    contactForNotices: 'Fill in to receive notices through this channel',
    receivedTooLongAgo: 'The day it was received must be within the last {days} days',
    notForElectronic: 'An electronic complaint is received when it is filed',
  },
};

/** The violation's text in `lang`, placeholders filled; an unknown placeholder stays visible. */
export function messageFor(violation: Violation, lang: Language): string {
  const template = MESSAGES[lang][violation.key];
  return template.replace(/\{(\w+)\}/g, (placeholder, name: string) => {
    const value = violation.params?.[name];
    return value === undefined ? placeholder : String(value);
  });
}

/** field → the text of its first violation: the shape of BAD_USER_INPUT's `extensions.fields`. */
export function violationsToFields(
  violations: readonly Violation[],
  lang: Language,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const violation of violations) {
    if (!Object.hasOwn(fields, violation.field)) {
      fields[violation.field] = messageFor(violation, lang);
    }
  }
  return fields;
}

// A Map, not an object literal: a tag such as 'constructor' must not find Object's prototype.
const LANGUAGE_BY_PRIMARY_TAG: ReadonlyMap<string, Language> = new Map<string, Language>([
  ['kk', 'kk'],
  // Not an ISO 639 code but the country code, often sent in Kazakhstan meaning Kazakh.
  ['kz', 'kk'],
  ['ru', 'ru'],
  ['en', 'en'],
]);

/**
 * The language to answer in, from an Accept-Language header such as 'ru-RU,ru;q=0.9,en;q=0.8':
 * the supported language with the highest q (the header's order breaks ties); DEFAULT_LANGUAGE
 * when there is no header or nothing in it is supported.
 */
export function parseLanguage(acceptLanguageHeader: string | undefined): Language {
  if (acceptLanguageHeader === undefined) {
    return DEFAULT_LANGUAGE;
  }
  const ranges: { language: Language; q: number }[] = [];
  for (const part of acceptLanguageHeader.split(',')) {
    const [tag = '', ...parameters] = part.split(';').map((s) => s.trim());
    const language = LANGUAGE_BY_PRIMARY_TAG.get(tag.toLowerCase().split('-')[0] ?? '');
    const q = qualityOf(parameters);
    if (language !== undefined && q > 0) {
      ranges.push({ language, q });
    }
  }
  // Array.prototype.sort is stable, so equal q keep the header's order.
  ranges.sort((a, b) => b.q - a.q);
  return ranges[0]?.language ?? DEFAULT_LANGUAGE;
}

/** The q of a language range: 1 when absent, 0 (not acceptable) when malformed. */
function qualityOf(parameters: readonly string[]): number {
  const q = parameters.find((p) => /^q\s*=/i.test(p));
  if (q === undefined) {
    return 1;
  }
  const value = q.replace(/^q\s*=\s*/i, '');
  if (!/^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value)) {
    return 0;
  }
  return Number(value);
}
