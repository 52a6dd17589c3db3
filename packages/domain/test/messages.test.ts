import { describe, expect, it } from 'vitest';

import {
  DEFAULT_LANGUAGE,
  LANGUAGES,
  MAX_LENGTH,
  MESSAGES,
  MESSAGE_KEYS,
  messageFor,
  parseLanguage,
  validateComplaint,
  violationsToFields,
} from '../src/index.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('Errors: every message key has a non-empty message in kk, ru and en', () => {
    for (const lang of LANGUAGES) {
      expect(Object.keys(MESSAGES[lang]).sort()).toEqual([...MESSAGE_KEYS].sort());
      for (const key of MESSAGE_KEYS) {
        expect(MESSAGES[lang][key].trim(), `${lang}.${key}`).not.toBe('');
      }
    }
  });

  it('Errors: the Kazakh text of every key is a translation, not the English one', () => {
    for (const key of MESSAGE_KEYS) {
      expect(MESSAGES.kk[key], key).not.toBe(MESSAGES.en[key]);
      expect(MESSAGES.ru[key], key).not.toBe(MESSAGES.en[key]);
    }
  });

  it('Errors: every language uses the same placeholders for a key', () => {
    for (const key of MESSAGE_KEYS) {
      expect(placeholders(MESSAGES.kk[key]), key).toEqual(placeholders(MESSAGES.en[key]));
      expect(placeholders(MESSAGES.ru[key]), key).toEqual(placeholders(MESSAGES.en[key]));
    }
  });

  it('C3: the unsigned complaint is explained in the state language and in Russian', () => {
    const violation = { field: 'signature', key: 'unsigned' } as const;
    expect(messageFor(violation, 'kk')).toBe('Шағымға алушы қол қоюы тиіс');
    expect(messageFor(violation, 'ru')).toBe('Жалоба должна быть подписана заявителем');
    expect(messageFor({ field: 'surname', key: 'required' }, 'kk')).toBe('Толтыру міндетті');
    expect(messageFor({ field: 'surname', key: 'required' }, 'ru')).toBe('Обязательное поле');
  });

  it('Errors: {max} is filled from the violation params', () => {
    const violation = { field: 'surname', key: 'tooLong', params: { max: 100 } } as const;
    expect(messageFor(violation, 'kk')).toBe('Ұзындығы 100 таңбадан аспауы тиіс');
    expect(messageFor(violation, 'ru')).toBe('Не более 100 символов');
    expect(messageFor(violation, 'en')).toBe('At most 100 characters');
    // A missing param stays visible rather than printing "undefined".
    expect(messageFor({ field: 'surname', key: 'tooLong' }, 'en')).toBe('At most {max} characters');
  });

  it('Errors: the Russian «не более N символов» agrees with every maximum in use', () => {
    for (const max of Object.values(MAX_LENGTH)) {
      expect(max % 10 === 1 && max % 100 !== 11, String(max)).toBe(false);
    }
  });

  it('Errors: violationsToFields gives each field the message of its first violation', () => {
    const violations = validateComplaint(
      {
        providerId: 'provider-1',
        subject: 'ACTION',
        description: 'x',
        channel: 'PAPER',
        signature: null,
        recipient: {
          kind: 'INDIVIDUAL',
          surname: 'Ә'.repeat(101),
          givenName: 'Ерлан',
          postalAddress: 'Алматы',
          accessibilityNeeds: ['BRAILLE', 'BRAILLE'],
        },
      },
      { today: '2026-11-25', now: new Date('2026-11-25T07:00:00Z') },
    );
    expect(violationsToFields(violations, 'ru')).toEqual({
      signature: 'Жалоба должна быть подписана заявителем',
      'recipient.surname': 'Не более 100 символов',
      'recipient.accessibilityNeeds': 'Недопустимое значение',
    });
    expect(violationsToFields([], 'kk')).toEqual({});
  });

  it('Errors: parseLanguage picks the supported language the client prefers most', () => {
    expect(parseLanguage('ru-RU,ru;q=0.9,en;q=0.8')).toBe('ru');
    expect(parseLanguage('kk-KZ,kk;q=0.9,ru;q=0.8')).toBe('kk');
    expect(parseLanguage('de-DE,de;q=0.9,en-US;q=0.7,ru;q=0.5')).toBe('en');
    expect(parseLanguage('en;q=0.5, RU;q=0.8')).toBe('ru');
    expect(parseLanguage('ru;q=0.8, en;q=0.8')).toBe('ru');
    expect(parseLanguage('kz')).toBe('kk');
    // q=0 means "not acceptable".
    expect(parseLanguage('ru;q=0, en')).toBe('en');
  });

  it('Errors: without a supported language the answer is in Kazakh, the state language', () => {
    expect(DEFAULT_LANGUAGE).toBe('kk');
    for (const header of [
      undefined,
      '',
      '*',
      'de-DE,fr;q=0.5',
      'ru;q=0',
      'ru;q=abc',
      'constructor,__proto__',
    ]) {
      expect(parseLanguage(header)).toBe('kk');
    }
  });
});
