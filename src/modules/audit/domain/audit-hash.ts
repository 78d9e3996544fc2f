import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Makes a value JSON-safe the same way before it is stored and hashed: bigint and Date become
 * strings, undefined members disappear. What PostgreSQL's jsonb gives back then hashes the same.
 */
export function toJson(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => toJson(item));
  if (typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
      if (member !== undefined) out[key] = toJson(member);
    }
    return out;
  }
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  throw new Error(`Cannot record a ${typeof value} in the audit log`);
}

/** JSON with object keys sorted at every level: the same data always gives the same text. */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`).join(',')}}`;
}

export interface ChainedFields {
  seq: bigint;
  occurredAt: Date;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: JsonValue;
  after: JsonValue;
  prevHash: string;
}

export function auditHash(event: ChainedFields): string {
  const text = canonicalJson({
    seq: event.seq.toString(),
    occurredAt: event.occurredAt.toISOString(),
    actorId: event.actorId,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before,
    after: event.after,
    prevHash: event.prevHash,
  });
  return createHash('sha256').update(text).digest('hex');
}

export interface ChainBreak {
  seq: string;
  reason: 'sequence_gap' | 'broken_link' | 'hash_mismatch' | 'head_mismatch';
}

/**
 * Checks a run of events that follows `previous` (the last verified seq and hash). Returns the first
 * break, or the new tail so the next batch can continue from it.
 */
export function verifyRun(
  previous: { seq: bigint; hash: string },
  events: (ChainedFields & { hash: string })[],
): { tail: { seq: bigint; hash: string } } | { broken: ChainBreak } {
  let tail = previous;
  for (const event of events) {
    if (event.seq !== tail.seq + 1n) return { broken: { seq: event.seq.toString(), reason: 'sequence_gap' } };
    if (event.prevHash !== tail.hash) return { broken: { seq: event.seq.toString(), reason: 'broken_link' } };
    if (auditHash(event) !== event.hash) return { broken: { seq: event.seq.toString(), reason: 'hash_mismatch' } };
    tail = { seq: event.seq, hash: event.hash };
  }
  return { tail };
}
