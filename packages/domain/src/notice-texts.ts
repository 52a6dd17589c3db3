import type { AccessibilityNeed, Outcome, ReviewLevel } from './enums.js';
import { REVIEW_TERM_WORKING_DAYS } from './enums.js';

/**
 * O5, O6, C6: what the recipient is told at each stage, in Kazakh and Russian. The server sends
 * these texts by email and SMS and the admin prints them on paper, so both read them from here.
 */
export const NoticeKind = {
  REGISTERED: 'REGISTERED',
  REVIEW_STARTED: 'REVIEW_STARTED',
  DEADLINE_MOVED: 'DEADLINE_MOVED',
  DECISION: 'DECISION',
  ESCALATION_REGISTERED: 'ESCALATION_REGISTERED',
  WITHDRAWN: 'WITHDRAWN',
  CONSENT_RECORDED: 'CONSENT_RECORDED',
  DEADLINE_PASSED: 'DEADLINE_PASSED',
} as const;
export type NoticeKind = (typeof NoticeKind)[keyof typeof NoticeKind];
export const NOTICE_KIND_VALUES: readonly NoticeKind[] = Object.values(NoticeKind);

/** O5: how a recipient may choose to be told (PAPER: by post, or in person on a home visit). */
export const NoticeChannel = {
  EMAIL: 'EMAIL',
  SMS: 'SMS',
  PORTAL: 'PORTAL',
  PAPER: 'PAPER',
} as const;
export type NoticeChannel = (typeof NoticeChannel)[keyof typeof NoticeChannel];
export const NOTICE_CHANNEL_VALUES: readonly NoticeChannel[] = Object.values(NoticeChannel);

export const NoticeLanguage = { KK: 'KK', RU: 'RU' } as const;
export type NoticeLanguage = (typeof NoticeLanguage)[keyof typeof NoticeLanguage];
export const NOTICE_LANGUAGE_VALUES: readonly NoticeLanguage[] = Object.values(NoticeLanguage);

/** The facts a notice carries; dates as 'YYYY-MM-DD'. Unknown facts are null or absent. */
export type NoticeFacts = Readonly<Record<string, string | null | undefined>>;

export interface NoticeText {
  language: NoticeLanguage;
  subject: string;
  /** The letter's paragraphs, in order; an SMS joins the first ones. */
  paragraphs: string[];
}

/** Large print and easy-read change how a notice is written and laid out (O2). */
export interface NoticeStyle {
  largePrint: boolean;
  easyRead: boolean;
}

export function noticeStyle(needs: readonly AccessibilityNeed[], easyRead: boolean): NoticeStyle {
  return { largePrint: needs.includes('LARGE_PRINT'), easyRead };
}

/** The recipient's language when known; both languages when not (the law's two languages). */
export function noticeLanguages(language: NoticeLanguage | null): NoticeLanguage[] {
  return language ? [language] : ['KK', 'RU'];
}

/** `YYYY-MM-DD` → `dd.mm.yyyy`, the date as both languages write it. */
export function letterDate(date: string | null | undefined): string {
  const match = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  return match ? `${match[3]}.${match[2]}.${match[1]}` : '—';
}

const OUTCOME: Record<NoticeLanguage, Record<Outcome, string>> = {
  KK: {
    UPHELD: 'шағым қанағаттандырылды',
    PARTIALLY_UPHELD: 'шағым ішінара қанағаттандырылды',
    REJECTED: 'шағымды қанағаттандырудан бас тартылды',
  },
  RU: {
    UPHELD: 'жалоба удовлетворена',
    PARTIALLY_UPHELD: 'жалоба удовлетворена частично',
    REJECTED: 'в удовлетворении жалобы отказано',
  },
};

type Writer = (facts: NoticeFacts, style: NoticeStyle) => Omit<NoticeText, 'language'>;

const fact = (facts: NoticeFacts, name: string): string => facts[name]?.trim() || '—';
const outcomeOf = (language: NoticeLanguage, facts: NoticeFacts): string =>
  OUTCOME[language][facts['outcome'] as Outcome] ?? fact(facts, 'outcome');
const authorityTerm = REVIEW_TERM_WORKING_DAYS.AUTHORITY;
const levelOf = (facts: NoticeFacts): ReviewLevel =>
  facts['level'] === 'AUTHORITY' ? 'AUTHORITY' : 'PROVIDER';

const KK: Record<NoticeKind, Writer> = {
  REGISTERED: (f, s) => ({
    subject: `№ ${fact(f, 'incomingNumber')} шағымыңыз тіркелді`,
    paragraphs: s.easyRead
      ? [
          `Сіздің шағымыңызды қабылдадық. Нөмірі: ${fact(f, 'incomingNumber')}.`,
          `Жауапты ${letterDate(f['responseDeadline'])} дейін береміз.`,
          `Жауапты алатын орын: ${fact(f, 'answerPlace')}.`,
        ]
      : [
          `Сіздің шағымыңыз ${letterDate(f['registeredOn'])} тіркелді, кіріс нөмірі ${fact(f, 'incomingNumber')}.`,
          `Шағым тіркелген күнінен бастап ${REVIEW_TERM_WORKING_DAYS[levelOf(f)]} жұмыс күні ішінде қаралады; жауап берілетін мерзім — ${letterDate(f['responseDeadline'])}.`,
          `Жауап берілетін орын: ${fact(f, 'answerPlace')}.`,
        ],
  }),
  REVIEW_STARTED: (f, s) => ({
    subject: `№ ${fact(f, 'incomingNumber')} шағымыңызды қарау басталды`,
    paragraphs: s.easyRead
      ? [
          `Шағымыңызды (${fact(f, 'incomingNumber')}) қарап жатырмыз.`,
          `Жауапты ${letterDate(f['responseDeadline'])} дейін береміз.`,
        ]
      : [
          `№ ${fact(f, 'incomingNumber')} шағымыңызды қарау басталды.`,
          `Жауап берілетін мерзім — ${letterDate(f['responseDeadline'])}.`,
        ],
  }),
  DEADLINE_MOVED: (f, s) => ({
    subject: `№ ${fact(f, 'incomingNumber')} шағымы бойынша жауап мерзімі өзгерді`,
    paragraphs: s.easyRead
      ? [
          `Жұмыс күндерінің күнтізбесі өзгерді.`,
          `Сіздің шағымыңызға (${fact(f, 'incomingNumber')}) жауапты ${letterDate(f['newDeadline'])} дейін береміз.`,
        ]
      : [
          `Жұмыс күндерінің күнтізбесі өзгергендіктен (${fact(f, 'reason')}), № ${fact(f, 'incomingNumber')} шағымына жауап берілетін мерзім ${letterDate(f['previousDeadline'])} күнінен ${letterDate(f['newDeadline'])} күніне ауысты.`,
        ],
  }),
  DECISION: (f, s) => {
    const next =
      levelOf(f) === 'PROVIDER'
        ? `Шешіммен келіспесеңіз, мемлекеттік қызметтер көрсету сапасын бақылау жөніндегі уәкілетті органға шағым бере аласыз; ол шағымды ${authorityTerm} жұмыс күні ішінде қарайды. Одан кейін — сотқа.`
        : `Шешіммен келіспесеңіз, Қазақстан Республикасының заңнамасында белгіленген тәртіппен сотқа жүгіне аласыз.`;
    return {
      subject: `№ ${fact(f, 'incomingNumber')} шағымы бойынша шешім`,
      paragraphs: [
        s.easyRead
          ? `Шағымыңыз (${fact(f, 'incomingNumber')}) бойынша шешім: ${outcomeOf('KK', f)}.`
          : `№ ${fact(f, 'incomingNumber')} шағымы ${letterDate(f['decidedOn'])} қаралды: ${outcomeOf('KK', f)}.`,
        `Негіздеме: ${fact(f, 'reasoning')}`,
        ...(f['remedialMeasures']?.trim()
          ? [`Бұзылған құқықтарды қалпына келтіру шаралары: ${fact(f, 'remedialMeasures')}`]
          : []),
        next,
      ],
    };
  },
  ESCALATION_REGISTERED: (f, s) => ({
    subject: `Уәкілетті органға берген шағымыңыз тіркелді: № ${fact(f, 'incomingNumber')}`,
    paragraphs: s.easyRead
      ? [
          `Шағымыңызды уәкілетті орган қабылдады. Нөмірі: ${fact(f, 'incomingNumber')}.`,
          `Жауапты ${letterDate(f['responseDeadline'])} дейін береді.`,
        ]
      : [
          `№ ${fact(f, 'parentIncomingNumber')} шағымы бойынша шешімге берілген шағымыңыз уәкілетті органда ${letterDate(f['registeredOn'])} тіркелді, кіріс нөмірі ${fact(f, 'incomingNumber')}.`,
          `Шағым ${authorityTerm} жұмыс күні ішінде қаралады; жауап берілетін мерзім — ${letterDate(f['responseDeadline'])}.`,
        ],
  }),
  WITHDRAWN: (f) => ({
    subject: `№ ${fact(f, 'incomingNumber')} шағымы кері қайтарылды`,
    paragraphs: [
      `Сіздің өтінішіңіз бойынша № ${fact(f, 'incomingNumber')} шағымы ${letterDate(f['withdrawnOn'])} кері қайтарылды, қарау тоқтатылды.`,
    ],
  }),
  CONSENT_RECORDED: (f) => ({
    subject: `№ ${fact(f, 'incomingNumber')} шағымы бойынша келісіміңіз тіркелді`,
    paragraphs: [
      `Заңмен қорғалатын құпияны құрайтын мәліметтерді пайдалануға сіздің атыңыздан келісім тіркелді (${fact(f, 'scope')}; растау: ${fact(f, 'evidence')}).`,
      `Егер сіз мұндай келісім бермесеңіз, шағымды қарайтын органға хабарлаңыз.`,
    ],
  }),
  DEADLINE_PASSED: (f) => ({
    subject: `№ ${fact(f, 'incomingNumber')} шағымы бойынша мерзім өтті`,
    paragraphs: [
      `№ ${fact(f, 'incomingNumber')} шағымыңызға жауап беру мерзімі (${letterDate(f['responseDeadline'])}) өтті, шешім әлі қабылданған жоқ.`,
      `Сіз мемлекеттік қызметтер көрсету сапасын бақылау жөніндегі уәкілетті органға шағым бере аласыз; ол шағымды ${authorityTerm} жұмыс күні ішінде қарайды.`,
    ],
  }),
};

const RU: Record<NoticeKind, Writer> = {
  REGISTERED: (f, s) => ({
    subject: `Ваша жалоба № ${fact(f, 'incomingNumber')} зарегистрирована`,
    paragraphs: s.easyRead
      ? [
          `Мы приняли вашу жалобу. Её номер: ${fact(f, 'incomingNumber')}.`,
          `Мы ответим до ${letterDate(f['responseDeadline'])}.`,
          `Где получить ответ: ${fact(f, 'answerPlace')}.`,
        ]
      : [
          `Ваша жалоба зарегистрирована ${letterDate(f['registeredOn'])}, входящий номер ${fact(f, 'incomingNumber')}.`,
          `Жалоба рассматривается в течение ${REVIEW_TERM_WORKING_DAYS[levelOf(f)]} рабочих дней со дня регистрации; срок ответа — ${letterDate(f['responseDeadline'])}.`,
          `Место получения ответа: ${fact(f, 'answerPlace')}.`,
        ],
  }),
  REVIEW_STARTED: (f, s) => ({
    subject: `Начато рассмотрение жалобы № ${fact(f, 'incomingNumber')}`,
    paragraphs: s.easyRead
      ? [
          `Мы рассматриваем вашу жалобу (${fact(f, 'incomingNumber')}).`,
          `Мы ответим до ${letterDate(f['responseDeadline'])}.`,
        ]
      : [
          `Начато рассмотрение вашей жалобы № ${fact(f, 'incomingNumber')}.`,
          `Срок ответа — ${letterDate(f['responseDeadline'])}.`,
        ],
  }),
  DEADLINE_MOVED: (f, s) => ({
    subject: `Изменился срок ответа по жалобе № ${fact(f, 'incomingNumber')}`,
    paragraphs: s.easyRead
      ? [
          `Изменился календарь рабочих дней.`,
          `Мы ответим на вашу жалобу (${fact(f, 'incomingNumber')}) до ${letterDate(f['newDeadline'])}.`,
        ]
      : [
          `В связи с изменением календаря рабочих дней (${fact(f, 'reason')}) срок ответа по жалобе № ${fact(f, 'incomingNumber')} перенесён с ${letterDate(f['previousDeadline'])} на ${letterDate(f['newDeadline'])}.`,
        ],
  }),
  DECISION: (f, s) => {
    const next =
      levelOf(f) === 'PROVIDER'
        ? `Если вы не согласны с решением, вы можете обжаловать его в уполномоченный орган по оценке и контролю за качеством оказания государственных услуг; он рассматривает жалобу в течение ${authorityTerm} рабочих дней. Затем — в суд.`
        : `Если вы не согласны с решением, вы можете обратиться в суд в порядке, установленном законодательством Республики Казахстан.`;
    return {
      subject: `Решение по жалобе № ${fact(f, 'incomingNumber')}`,
      paragraphs: [
        s.easyRead
          ? `Решение по вашей жалобе (${fact(f, 'incomingNumber')}): ${outcomeOf('RU', f)}.`
          : `Жалоба № ${fact(f, 'incomingNumber')} рассмотрена ${letterDate(f['decidedOn'])}: ${outcomeOf('RU', f)}.`,
        `Обоснование: ${fact(f, 'reasoning')}`,
        ...(f['remedialMeasures']?.trim()
          ? [`Меры по восстановлению нарушенных прав: ${fact(f, 'remedialMeasures')}`]
          : []),
        next,
      ],
    };
  },
  ESCALATION_REGISTERED: (f, s) => ({
    subject: `Ваша жалоба в уполномоченный орган зарегистрирована: № ${fact(f, 'incomingNumber')}`,
    paragraphs: s.easyRead
      ? [
          `Уполномоченный орган принял вашу жалобу. Её номер: ${fact(f, 'incomingNumber')}.`,
          `Ответ будет до ${letterDate(f['responseDeadline'])}.`,
        ]
      : [
          `Ваша жалоба на решение по жалобе № ${fact(f, 'parentIncomingNumber')} зарегистрирована в уполномоченном органе ${letterDate(f['registeredOn'])}, входящий номер ${fact(f, 'incomingNumber')}.`,
          `Жалоба рассматривается в течение ${authorityTerm} рабочих дней; срок ответа — ${letterDate(f['responseDeadline'])}.`,
        ],
  }),
  WITHDRAWN: (f) => ({
    subject: `Жалоба № ${fact(f, 'incomingNumber')} отозвана`,
    paragraphs: [
      `По вашему заявлению жалоба № ${fact(f, 'incomingNumber')} отозвана ${letterDate(f['withdrawnOn'])}, рассмотрение прекращено.`,
    ],
  }),
  CONSENT_RECORDED: (f) => ({
    subject: `Зарегистрировано ваше согласие по жалобе № ${fact(f, 'incomingNumber')}`,
    paragraphs: [
      `От вашего имени зарегистрировано согласие на использование сведений, составляющих охраняемую законом тайну (${fact(f, 'scope')}; подтверждение: ${fact(f, 'evidence')}).`,
      `Если вы такого согласия не давали, сообщите в орган, рассматривающий жалобу.`,
    ],
  }),
  DEADLINE_PASSED: (f) => ({
    subject: `Истёк срок ответа по жалобе № ${fact(f, 'incomingNumber')}`,
    paragraphs: [
      `Срок ответа по вашей жалобе № ${fact(f, 'incomingNumber')} (${letterDate(f['responseDeadline'])}) истёк, решение не принято.`,
      `Вы можете обжаловать это в уполномоченный орган по оценке и контролю за качеством оказания государственных услуг; он рассматривает жалобу в течение ${authorityTerm} рабочих дней.`,
    ],
  }),
};

const WRITERS: Record<NoticeLanguage, Record<NoticeKind, Writer>> = { KK, RU };

/** The notice in one language, written for the recipient's needs. */
export function noticeText(
  kind: NoticeKind,
  facts: NoticeFacts,
  language: NoticeLanguage,
  style: NoticeStyle,
): NoticeText {
  return { language, ...WRITERS[language][kind](facts, style) };
}

/** The notice in the recipient's language, or in both when it is not known. */
export function noticeTexts(
  kind: NoticeKind,
  facts: NoticeFacts,
  language: NoticeLanguage | null,
  style: NoticeStyle,
): NoticeText[] {
  return noticeLanguages(language).map((lang) => noticeText(kind, facts, lang, style));
}

/** An SMS: the subject and the first paragraph of each language, within 700 characters. */
export function smsText(texts: readonly NoticeText[]): string {
  const body = texts.map((t) => `${t.subject}. ${t.paragraphs[0] ?? ''}`).join('\n');
  return body.length > 700 ? `${body.slice(0, 699)}…` : body;
}
