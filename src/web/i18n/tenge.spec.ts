import { parseTenge, tengeInputValue } from './tenge';

describe('amounts typed in tenge', () => {
  it.each([
    ['1500000', '150000000'],
    ['1 500 000', '150000000'],
    ['1\u00a0500\u00a0000,5', '150000050'],
    ['1500000.25', '150000025'],
    ['2 000 ₸', '200000'],
    ['300 тг', '30000'],
    ['0', '0'],
  ])('reads %j as %s tiyn', (typed, minor) => {
    expect(parseTenge(typed)).toBe(minor);
  });

  it.each(['', 'abc', '1.500.000', '1,500,000', '-5', '1,234', '12345678901234', '1e6'])('refuses %j', (typed) => {
    expect(parseTenge(typed)).toBeNull();
  });

  it('writes minor units back as a value the parser reads the same', () => {
    for (const minor of [0n, 5n, 100n, 150000050n, 99999999n]) {
      expect(parseTenge(tengeInputValue(minor, ','))).toBe(minor.toString());
    }
    expect(tengeInputValue(150000000n, ',')).toBe('1500000');
    expect(tengeInputValue(150000005n, '.')).toBe('1500000.05');
  });
});
