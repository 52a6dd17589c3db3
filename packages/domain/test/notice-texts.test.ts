import { describe, expect, it } from 'vitest';

import {
  NOTICE_KIND_VALUES,
  NOTICE_LANGUAGE_VALUES,
  letterDate,
  noticeStyle,
  noticeText,
  noticeTexts,
  smsText,
} from '../src/index.js';

const decision = {
  incomingNumber: 'AST-2026-00042',
  level: 'PROVIDER',
  outcome: 'PARTIALLY_UPHELD',
  decidedOn: '2026-03-05',
  reasoning: 'The certificate was issued late.',
  remedialMeasures: 'Issue the certificate within 2 days.',
};
const plain = { largePrint: false, easyRead: false };

describe('notice texts', () => {
  it('O5: a provider decision tells the result, the reasoning, the measures and where to go next, in kk and ru', () => {
    const [kk, ru] = noticeTexts('DECISION', decision, null, plain);
    expect(kk?.language).toBe('KK');
    expect(ru?.language).toBe('RU');
    expect(ru?.paragraphs.join(' ')).toContain('удовлетворена частично');
    expect(ru?.paragraphs.join(' ')).toContain('05.03.2026');
    expect(ru?.paragraphs.join(' ')).toContain('The certificate was issued late.');
    expect(ru?.paragraphs.join(' ')).toContain('Issue the certificate within 2 days.');
    expect(ru?.paragraphs.at(-1)).toMatch(/уполномоченный орган.*15 рабочих дней.*суд/);
    expect(kk?.paragraphs.join(' ')).toContain('ішінара қанағаттандырылды');
    expect(kk?.paragraphs.at(-1)).toMatch(/уәкілетті органға.*15 жұмыс күні.*сотқа/);
  });

  it('O5: an authority decision points to the court, and a rejection names no measures', () => {
    const ru = noticeText(
      'DECISION',
      { ...decision, level: 'AUTHORITY', outcome: 'REJECTED', remedialMeasures: null },
      'RU',
      plain,
    );
    expect(ru.paragraphs.at(-1)).toMatch(/в суд/);
    expect(ru.paragraphs.join(' ')).not.toMatch(/Меры/);
    expect(ru.paragraphs.join(' ')).toContain('отказано');
  });

  it("O5: the recipient's language alone when known, both when not", () => {
    expect(noticeTexts('REGISTERED', {}, 'KK', plain).map((t) => t.language)).toEqual(['KK']);
    expect(noticeTexts('REGISTERED', {}, 'RU', plain).map((t) => t.language)).toEqual(['RU']);
    expect(noticeTexts('REGISTERED', {}, null, plain).map((t) => t.language)).toEqual(['KK', 'RU']);
  });

  it('O2: an easy-read recipient gets short plain sentences, not the formal ones', () => {
    const facts = {
      incomingNumber: 'X-1',
      responseDeadline: '2026-03-10',
      answerPlace: 'Office 1',
    };
    const formal = noticeTexts('REGISTERED', facts, 'RU', plain)[0];
    const easy = noticeTexts('REGISTERED', facts, 'RU', noticeStyle([], true))[0];
    expect(noticeStyle(['LARGE_PRINT'], false)).toEqual({ largePrint: true, easyRead: false });
    expect(easy?.paragraphs).not.toEqual(formal?.paragraphs);
    expect(easy?.paragraphs[0]).toBe('Мы приняли вашу жалобу. Её номер: X-1.');
    expect(easy?.paragraphs.join(' ')).toContain('10.03.2026');
  });

  it('C6: a passed deadline tells the recipient of the right to escalate', () => {
    const kk = noticeText('DEADLINE_PASSED', { incomingNumber: 'X-2' }, 'KK', plain);
    const ru = noticeText('DEADLINE_PASSED', { incomingNumber: 'X-2' }, 'RU', plain);
    expect(ru.paragraphs.join(' ')).toMatch(/обжаловать.*уполномоченный орган/);
    expect(kk.paragraphs.join(' ')).toMatch(/уәкілетті органға шағым бере аласыз/);
  });

  it('every kind has a subject and text in every language, with no unfilled placeholder', () => {
    for (const kind of NOTICE_KIND_VALUES) {
      for (const language of NOTICE_LANGUAGE_VALUES) {
        for (const easyRead of [false, true]) {
          const text = noticeText(kind, decision, language, { largePrint: false, easyRead });
          expect(text.subject.length, `${kind} ${language}`).toBeGreaterThan(5);
          expect(text.paragraphs.length).toBeGreaterThan(0);
          expect(`${text.subject} ${text.paragraphs.join(' ')}`).not.toMatch(/undefined|null|\$\{/);
        }
      }
    }
  });

  it('an SMS carries the subject and the first paragraph of each language, bounded', () => {
    const sms = smsText(noticeTexts('DECISION', decision, null, plain));
    expect(sms.split('\n')).toHaveLength(2);
    expect(sms.length).toBeLessThanOrEqual(700);
    const long = smsText(
      noticeTexts('DECISION', { ...decision, incomingNumber: 'N'.repeat(900) }, null, plain),
    );
    expect(long.length).toBe(700);
  });

  it('dates are written dd.mm.yyyy, and a missing one as a dash', () => {
    expect(letterDate('2026-12-02')).toBe('02.12.2026');
    expect(letterDate(null)).toBe('—');
  });
});
