import { BOM, csvField, csvLine } from './csv';

describe('CSV export', () => {
  it.each<[string, string | number | bigint | null | undefined, string]>([
    ['null as an empty field', null, ''],
    ['undefined as an empty field', undefined, ''],
    ['plain text as it is', 'Guest house', 'Guest house'],
    ['a number', 42, '42'],
    ['a negative number, defused', -5, "'-5"],
    ['a bigint amount', 123456789012345678n, '123456789012345678'],
    ['a formula starting with =', '=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['a formula starting with +', '+7 700', "'+7 700"],
    ['a formula starting with -', '-1+2', "'-1+2"],
    ['a formula starting with @', '@cmd', "'@cmd"],
    ['a leading tab', '\tx', "'\tx"],
    ['a leading carriage return, defused and quoted', '\rx', `"'\rx"`],
    ['formula characters after the start', 'a=b+c-d@e', 'a=b+c-d@e'],
    ['a comma, quoted', 'Aktau, Mangystau', '"Aktau, Mangystau"'],
    ['a quote, doubled and quoted', 'the "best" rooms', '"the ""best"" rooms"'],
    ['a line break, quoted', 'one\ntwo', '"one\ntwo"'],
    ['a carriage return inside, quoted', 'one\r\ntwo', '"one\r\ntwo"'],
    ['a formula with a comma, defused then quoted', '=1,2', `"'=1,2"`],
    ['Kazakh text as it is', 'Қонақ үй', 'Қонақ үй'],
  ])('writes %s', (_case, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('joins fields with commas and ends the line with CRLF', () => {
    expect(csvLine(['a', 1, 2n, null, 'b,c'])).toBe('a,1,2,,"b,c"\r\n');
    expect(csvLine([])).toBe('\r\n');
  });

  it('starts files with the UTF-8 byte order mark', () => {
    expect(Buffer.from(BOM, 'utf8')).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});
