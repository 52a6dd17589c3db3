import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { hasValidKzChecksum, isValidBin, isValidIin, withKzChecksum } from '../src/index.js';

// Worked by hand (weights 1..11, then 3,4,5,6,7,8,9,10,11,1,2 when the first pass gives 10):
// - IIN 900101300017, a man born 1 January 1990 (century digit 3):
//   9·1 + 0·2 + 0·3 + 1·4 + 0·5 + 1·6 + 3·7 + 0·8 + 0·9 + 0·10 + 1·11 = 51; 51 mod 11 = 7.
// - BIN 050140001238, registered May 2005, a resident legal entity (5th digit 4):
//   0·1 + 5·2 + 0·3 + 1·4 + 4·5 + 0·6 + 0·7 + 0·8 + 1·9 + 2·10 + 3·11 = 96; 96 mod 11 = 8.
// - IIN 850715300411, check digit from the second pass:
//   8·1 + 5·2 + 0·3 + 7·4 + 1·5 + 5·6 + 3·7 + 0·8 + 0·9 + 4·10 + 1·11 = 153; 153 mod 11 = 10, so
//   8·3 + 5·4 + 0·5 + 7·6 + 1·7 + 5·8 + 3·9 + 0·10 + 0·11 + 4·1 + 1·2 = 166; 166 mod 11 = 1.
// - 85071530040 has no check digit: the first pass gives 142 mod 11 = 10, the second
//   8·3 + 5·4 + 7·6 + 1·7 + 5·8 + 3·9 + 4·1 = 164; 164 mod 11 = 10.
const VALID_IIN = '900101300017';
const VALID_BIN = '050140001238';
const SECOND_PASS_IIN = '850715300411';
const NO_CHECK_DIGIT = '85071530040';

const FIRST_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];

/** The first pass's remainder; 10 means the check digit comes from the second pass. */
function firstPass(digits: string): number {
  return FIRST_WEIGHTS.reduce((sum, weight, i) => sum + weight * Number(digits[i]), 0) % 11;
}

const digit = fc.integer({ min: 0, max: 9 });
const digits = (length: number) =>
  fc.array(digit, { minLength: length, maxLength: length }).map((ds) => ds.join(''));
const twoDigits = (min: number, max: number) =>
  fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));

/** Any 12 digits that carry a correct check digit. */
const checksummed = digits(11)
  .map(withKzChecksum)
  .filter((s): s is string => s !== null);

/** The IINs the structure allows: YYMMDD, century digit 0–6, serial, check digit. */
const iin = fc
  .tuple(
    twoDigits(0, 99),
    twoDigits(1, 12),
    twoDigits(1, 31),
    fc.integer({ min: 0, max: 6 }),
    digits(4),
  )
  .map(([yy, mm, dd, century, serial]) => withKzChecksum(`${yy}${mm}${dd}${century}${serial}`))
  .filter((s): s is string => s !== null);

/** The BINs the structure allows: YYMM, kind 4–6, then six digits and the check digit. */
const bin = fc
  .tuple(twoDigits(0, 99), twoDigits(1, 12), fc.constantFrom('4', '5', '6'), digits(6))
  .map(([yy, mm, kind, rest]) => withKzChecksum(`${yy}${mm}${kind}${rest}`))
  .filter((s): s is string => s !== null);

/** A valid number, a position in [from, to] and a different digit put there. */
const mutation = (from: number, to: number) =>
  fc
    .tuple(checksummed, fc.integer({ min: from, max: to }), fc.integer({ min: 1, max: 9 }))
    .map(([number, position, shift]) => {
      const changed = String((Number(number[position]) + shift) % 10);
      return {
        number,
        mutated: `${number.slice(0, position)}${changed}${number.slice(position + 1)}`,
      };
    });

describe('IIN and BIN checksum', () => {
  it('C1, C2: the hand-checked examples carry the computed check digit', () => {
    expect(withKzChecksum('90010130001')).toBe(VALID_IIN);
    expect(withKzChecksum('05014000123')).toBe(VALID_BIN);
    expect(withKzChecksum('85071530041')).toBe(SECOND_PASS_IIN);
    expect(withKzChecksum(NO_CHECK_DIGIT)).toBeNull();
    for (const valid of [VALID_IIN, VALID_BIN, SECOND_PASS_IIN]) {
      expect(hasValidKzChecksum(valid)).toBe(true);
    }
  });

  it('C1, C2: a wrong check digit, or 11 digits with no check digit, is invalid', () => {
    expect(hasValidKzChecksum('900101300018')).toBe(false);
    expect(hasValidKzChecksum('050140001230')).toBe(false);
    // The first pass would give 10, which is not the answer: the second pass decides.
    expect(hasValidKzChecksum('850715300410')).toBe(false);
    for (let d = 0; d <= 9; d++) {
      expect(hasValidKzChecksum(`${NO_CHECK_DIGIT}${d}`)).toBe(false);
    }
  });

  it('C1, C2: only exactly 12 ASCII digits are accepted', () => {
    for (const s of [
      '',
      '90010130001',
      '9001013000170',
      ' 900101300017',
      '900101300017 ',
      '90010130001a',
      '9001-0130001',
      '９００１０１３０００１７',
      '٩00101300017',
    ]) {
      expect(hasValidKzChecksum(s)).toBe(false);
    }
    expect(withKzChecksum('9001013000')).toBeNull();
    expect(withKzChecksum('9001013000a')).toBeNull();
  });

  it('C1: an IIN needs a month 01–12, a day 01–31 and a century digit 0–6', () => {
    expect(isValidIin(VALID_IIN)).toBe(true);
    expect(isValidIin(SECOND_PASS_IIN)).toBe(true);
    for (const first11 of [
      '90130130001',
      '90000130001',
      '90010030001',
      '90013230001',
      '90010170001',
    ]) {
      const number = withKzChecksum(first11);
      expect(number).not.toBeNull();
      expect(hasValidKzChecksum(number ?? '')).toBe(true);
      expect(isValidIin(number ?? '')).toBe(false);
    }
    expect(isValidIin('900101300018')).toBe(false);
  });

  it('C2: a BIN needs 4, 5 or 6 as its 5th digit', () => {
    expect(isValidBin(VALID_BIN)).toBe(true);
    for (const kind of ['4', '5', '6']) {
      expect(isValidBin(withKzChecksum(`0501${kind}000123`) ?? '')).toBe(true);
    }
    for (const kind of ['0', '1', '2', '3', '7', '8', '9']) {
      const number = withKzChecksum(`0501${kind}000123`);
      expect(number).not.toBeNull();
      expect(isValidBin(number ?? '')).toBe(false);
    }
    // The IIN example's 5th digit is 0 and the BIN example's day would be 40: neither passes as the other.
    expect(isValidBin(VALID_IIN)).toBe(false);
    expect(isValidIin(VALID_BIN)).toBe(false);
    expect(isValidBin('050140001230')).toBe(false);
  });

  it('C1, C2: withKzChecksum output always validates, and its check digit is the only one', () => {
    fc.assert(
      fc.property(digits(11), (first11) => {
        const number = withKzChecksum(first11);
        const valid = [...'0123456789'].filter((d) => hasValidKzChecksum(`${first11}${d}`));
        expect(valid).toEqual(number === null ? [] : [number.slice(11)]);
      }),
    );
  });

  it('C1, C2: generated IINs and BINs validate', () => {
    fc.assert(fc.property(iin, (number) => isValidIin(number)));
    fc.assert(fc.property(bin, (number) => isValidBin(number)));
  });

  // "Any single changed digit is detected" does NOT hold for this scheme, and fast-check finds
  // counterexamples at once:
  // - the 11th digit has weight 11 ≡ 0 (mod 11) in the first pass, so changing it leaves a
  //   first-pass check digit unchanged (900101300017 → 900101300077 is still valid);
  // - changing one of the first 10 digits always changes the first-pass remainder (the weights
  //   1..10 are invertible mod 11), but it can move the number into or out of the second pass,
  //   whose remainder may happen to equal the old check digit.
  // So the properties below are the true, weaker ones.
  it('C1, C2: a single changed digit is NOT always detected (a found counterexample)', () => {
    expect(hasValidKzChecksum('900101300077')).toBe(true);
    // At the 11th digit nearly every run is a counterexample, so the search cannot miss.
    const counterexample = fc.check(
      fc.property(mutation(10, 10), ({ mutated }) => !hasValidKzChecksum(mutated)),
    );
    expect(counterexample.failed).toBe(true);
  });

  it('C1, C2: changing the check digit (12th) always makes a valid number invalid', () => {
    fc.assert(
      fc.property(mutation(11, 11), ({ number, mutated }) => {
        expect(hasValidKzChecksum(number)).toBe(true);
        expect(hasValidKzChecksum(mutated)).toBe(false);
      }),
    );
  });

  it('C1, C2: changing one of the first 10 digits is detected unless the second pass is involved', () => {
    fc.assert(
      fc.property(mutation(0, 9), ({ number, mutated }) => {
        if (firstPass(number) !== 10 && firstPass(mutated) !== 10) {
          expect(hasValidKzChecksum(mutated)).toBe(false);
        }
      }),
    );
  });

  it('C1, C2: changing the 11th digit is detected exactly when the check digit came from the second pass', () => {
    fc.assert(
      fc.property(mutation(10, 10), ({ number, mutated }) => {
        expect(hasValidKzChecksum(mutated)).toBe(firstPass(number) !== 10);
      }),
    );
  });
});
