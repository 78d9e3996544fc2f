import fc from 'fast-check';
import { canonicalJson, idempotencyKeyProblem, requestHash } from './request-hash';

describe('canonicalJson', () => {
  it('sorts keys at every level and leaves out undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: undefined, x: 'x' }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":"x","z":1}]},"b":1}',
    );
  });

  it('writes dates as JSON does and bigints as strings', () => {
    expect(canonicalJson({ at: new Date('2026-01-02T03:04:05.000Z'), amount: 10n })).toBe(
      '{"amount":"10","at":"2026-01-02T03:04:05.000Z"}',
    );
  });

  it('is the same whatever order the keys came in, and reads back as the same value', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null))),
        (record) => {
          const reversed = Object.fromEntries(Object.entries(record).reverse());
          expect(canonicalJson(reversed)).toBe(canonicalJson(record));
          expect(JSON.parse(canonicalJson(record))).toEqual(record);
        },
      ),
    );
  });
});

describe('requestHash', () => {
  it('binds the scope and the body', () => {
    const body = { bankReference: 'PP-1', paidOn: '2026-01-01' };
    expect(requestHash('payment.record:a', body)).toBe(
      requestHash('payment.record:a', { paidOn: '2026-01-01', bankReference: 'PP-1' }),
    );
    expect(requestHash('payment.record:a', body)).not.toBe(requestHash('payment.record:b', body));
    expect(requestHash('payment.record:a', body)).not.toBe(
      requestHash('payment.record:a', { ...body, bankReference: 'PP-2' }),
    );
    expect(requestHash('s', {})).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('idempotencyKeyProblem', () => {
  it.each([
    [undefined, 'missing'],
    ['', 'missing'],
    ['a', null],
    ['x'.repeat(200), null],
    ['x'.repeat(201), 'invalid'],
    ['key with spaces ~!', null],
    ['ключ', 'invalid'],
    ['tab\there', 'invalid'],
    [['a', 'b'], 'invalid'],
  ] as const)('%j -> %s', (value, problem) => {
    expect(idempotencyKeyProblem(value as string | string[] | undefined)).toBe(problem);
  });
});
