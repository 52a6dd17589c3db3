import { createHash } from 'node:crypto';

/** The hash the first record of the chain links to. */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted, so that equal changes always give the same digest. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface ChainedFields {
  at: Date;
  actorId: string | null;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  digest: string;
}

/**
 * What a record's hash covers besides the previous hash: its own fields, one a line. The database
 * appends with the same text (see `chainAppendSql`), so the two must never differ.
 */
export function chainedFieldsText(fields: Omit<ChainedFields, 'digest'>): string {
  return [
    fields.at.toISOString(),
    fields.actorId ?? '',
    fields.actor,
    fields.action,
    fields.entityType,
    fields.entityId,
  ].join('\n');
}

/** SHA-256 over the previous record's hash and this record's own fields. */
export function chainHash(previousHash: string, fields: ChainedFields): string {
  return sha256([previousHash, chainedFieldsText(fields), fields.digest].join('\n'));
}
