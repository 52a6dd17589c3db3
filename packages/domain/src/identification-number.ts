// Kazakhstan's 12-digit identification numbers: the IIN of a natural person and the BIN of a
// legal entity share one mod-11 check digit (the 12th digit).

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
// Used only when the first pass gives 10, which is not a digit.
const SECOND_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

const TWELVE_DIGITS = /^[0-9]{12}$/;
const ELEVEN_DIGITS = /^[0-9]{11}$/;

function weightedMod11(digits: string, weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    sum += Number(digits[i]) * (weights[i] ?? 0);
  }
  return sum % 11;
}

/** The check digit of the first 11 digits, or null when no digit fits (both passes give 10). */
function checkDigit(first11Digits: string): number | null {
  const first = weightedMod11(first11Digits, FIRST_WEIGHTS);
  if (first !== 10) {
    return first;
  }
  const second = weightedMod11(first11Digits, SECOND_WEIGHTS);
  return second === 10 ? null : second;
}

/** Exactly 12 ASCII digits whose last one is the mod-11 check digit of the other 11. */
export function hasValidKzChecksum(s: string): boolean {
  if (!TWELVE_DIGITS.test(s)) {
    return false;
  }
  const expected = checkDigit(s.slice(0, 11));
  return expected !== null && expected === Number(s[11]);
}

/**
 * Appends the check digit to 11 digits (for tests and demo seeds); null when the input is not
 * 11 ASCII digits or when those 11 digits have no check digit at all.
 */
export function withKzChecksum(first11Digits: string): string | null {
  if (!ELEVEN_DIGITS.test(first11Digits)) {
    return null;
  }
  const digit = checkDigit(first11Digits);
  return digit === null ? null : `${first11Digits}${digit}`;
}

/**
 * IIN: YYMMDD of birth, then the century-and-sex digit, then a serial and the check digit.
 * Only the ranges are checked (month 01–12, day 01–31, century digit 0–6), not the calendar:
 * the century digit 0 (foreign citizens) leaves the century, and so leap years, unknown.
 */
export function isValidIin(s: string): boolean {
  if (!hasValidKzChecksum(s)) {
    return false;
  }
  const month = Number(s.slice(2, 4));
  const day = Number(s.slice(4, 6));
  const century = Number(s[6]);
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 && century <= 6;
}

/**
 * BIN: YYMM of registration, then the kind of registrant in the 5th digit: 4 a resident legal
 * entity, 5 a non-resident legal entity, 6 a joint venture of individual entrepreneurs.
 * (Branches and representative offices are told apart by the 6th digit, not checked here.)
 */
export function isValidBin(s: string): boolean {
  if (!hasValidKzChecksum(s)) {
    return false;
  }
  const kind = s[4];
  return kind === '4' || kind === '5' || kind === '6';
}
