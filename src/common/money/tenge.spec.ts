import fc from 'fast-check';
import { tengeDecimal } from './tenge';

describe('tengeDecimal', () => {
  it('writes tiyn as tenge with two decimals, a point and no grouping', () => {
    expect(tengeDecimal(123456750n)).toBe('1234567.50');
    expect(tengeDecimal(200000000n)).toBe('2000000.00');
    expect(tengeDecimal(5n)).toBe('0.05');
    expect(tengeDecimal(0n)).toBe('0.00');
    expect(tengeDecimal(-12345n)).toBe('-123.45');
    expect(tengeDecimal(-5n)).toBe('-0.05');
  });

  it('keeps every digit of amounts beyond Number.MAX_SAFE_INTEGER', () => {
    expect(tengeDecimal(900719925474099399n)).toBe('9007199254740993.99');
  });

  it('reads back as the same number of tiyn', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (tiyn) => {
        const text = tengeDecimal(tiyn);
        expect(text).toMatch(/^-?\d+\.\d{2}$/);
        expect(BigInt(text.replace('.', ''))).toBe(tiyn);
      }),
    );
  });
});
