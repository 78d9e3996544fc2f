import fc from 'fast-check';
import { auditHash, canonicalJson, ChainedFields, GENESIS_HASH, JsonValue, toJson, verifyRun } from './audit-hash';

const json: fc.Arbitrary<JsonValue> = fc.jsonValue() as fc.Arbitrary<JsonValue>;

function chain(payloads: JsonValue[]): (ChainedFields & { hash: string })[] {
  let prev = { seq: 0n, hash: GENESIS_HASH };
  return payloads.map((after, i) => {
    const fields: ChainedFields = {
      seq: prev.seq + 1n,
      occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      actorId: null,
      action: 'thing.changed',
      entityType: 'thing',
      entityId: String(i),
      before: null,
      after,
      prevHash: prev.hash,
    };
    const event = { ...fields, hash: auditHash(fields) };
    prev = { seq: event.seq, hash: event.hash };
    return event;
  });
}

describe('audit hash chain', () => {
  it('canonical JSON ignores key order at every depth', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('toJson makes bigint, dates and undefined members storable', () => {
    expect(toJson({ amount: 5n, at: new Date('2026-01-01T00:00:00Z'), gone: undefined })).toEqual({
      amount: '5',
      at: '2026-01-01T00:00:00.000Z',
    });
  });

  it('a chain verifies, and survives a JSON round trip with shuffled keys (as jsonb does)', () => {
    fc.assert(
      fc.property(fc.array(json, { maxLength: 20 }), (payloads) => {
        const events = chain(payloads).map((e) => ({ ...e, after: JSON.parse(JSON.stringify(e.after)) as JsonValue }));
        expect(verifyRun({ seq: 0n, hash: GENESIS_HASH }, events)).toHaveProperty('tail');
      }),
    );
  });

  it('any change to any event is found at that event', () => {
    fc.assert(
      fc.property(fc.array(json, { minLength: 1, maxLength: 12 }), fc.nat(), json, (payloads, pick, replacement) => {
        const events = chain(payloads);
        const index = pick % events.length;
        fc.pre(canonicalJson(replacement) !== canonicalJson(events[index].after));
        events[index] = { ...events[index], after: replacement };
        expect(verifyRun({ seq: 0n, hash: GENESIS_HASH }, events)).toEqual({
          broken: { seq: String(index + 1), reason: 'hash_mismatch' },
        });
      }),
    );
  });

  it('a removed or reordered event breaks the chain', () => {
    const events = chain([1, 2, 3, 4]);
    expect(verifyRun({ seq: 0n, hash: GENESIS_HASH }, [events[0], events[2], events[3]])).toEqual({
      broken: { seq: '3', reason: 'sequence_gap' },
    });
    const relinked = { ...events[2], seq: 2n };
    expect(verifyRun({ seq: 0n, hash: GENESIS_HASH }, [events[0], relinked])).toEqual({
      broken: { seq: '2', reason: 'broken_link' },
    });
  });
});
