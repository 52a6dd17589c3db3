import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

// No 0/O, 1/I/L: the code is read aloud and typed from paper.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** O6: a fresh code handed to the recipient once; 12 symbols ≈ 59 bits. */
export function newTrackingCode(): string {
  let code = '';
  for (let i = 0; i < 12; i += 1) code += ALPHABET[randomInt(ALPHABET.length)];
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8)}`;
}

function normalize(code: string): string {
  return code.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

/** Salted with the complaint's id so equal codes never share a hash. */
export function hashTrackingCode(complaintId: string, code: string): string {
  return createHash('sha256')
    .update(`${complaintId}:${normalize(code)}`)
    .digest('hex');
}

export function trackingCodeMatches(
  complaintId: string,
  code: string,
  storedHash: string,
): boolean {
  const actual = Buffer.from(hashTrackingCode(complaintId, code), 'hex');
  const expected = Buffer.from(storedHash, 'hex');
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
