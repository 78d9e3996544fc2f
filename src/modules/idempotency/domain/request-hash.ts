import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted at every level and undefined members left out, so two bodies that
 * mean the same (keys in another order, an optional field absent or undefined) read the same.
 */
export function canonicalJson(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  if (typeof value !== 'object') return JSON.stringify(value);
  const toJSON = (value as { toJSON?: () => unknown }).toJSON;
  if (typeof toJSON === 'function') return canonicalJson(toJSON.call(value));
  if (Array.isArray(value)) return `[${value.map((v: unknown) => canonicalJson(v)).join(',')}]`;
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .filter((k) => record[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`);
  return `{${members.join(',')}}`;
}

/** What a key is bound to: the operation and its target (the scope) and the canonical body. */
export const requestHash = (scope: string, body: unknown): string =>
  createHash('sha256')
    .update(`${scope}\n${canonicalJson(body)}`)
    .digest('hex');

/** 1 to 200 printable ASCII characters: what a client can put in a header without encoding. */
export const IDEMPOTENCY_KEY_PATTERN = /^[\x20-\x7e]{1,200}$/;

/** Null when the header value is a usable key; else why not ('missing' or 'invalid'). */
export function idempotencyKeyProblem(value: string | string[] | undefined): 'missing' | 'invalid' | null {
  if (value === undefined || value === '') return 'missing';
  if (Array.isArray(value) || !IDEMPOTENCY_KEY_PATTERN.test(value)) return 'invalid';
  return null;
}
