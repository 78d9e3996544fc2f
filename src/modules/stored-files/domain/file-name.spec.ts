import fc from 'fast-check';
import { attachmentDisposition, MAX_FILE_NAME_LENGTH, sanitizeFileName } from './file-name';

describe('sanitizeFileName', () => {
  it.each([
    ['report.pdf', 'report.pdf'],
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['C:\\Users\\me\\Desktop\\plan.pdf', 'plan.pdf'],
    ['/absolute/path/plan.pdf', 'plan.pdf'],
    ['Бизнес-план 2026.pdf', 'Бизнес-план 2026.pdf'],
    ['Жоба жоспары.docx', 'Жоба жоспары.docx'],
    ['  spaced.pdf  ', 'spaced.pdf'],
    ['line\r\nbreak.pdf', 'linebreak.pdf'],
    ['nul\u0000byte.pdf', 'nulbyte.pdf'],
    ['tab\there.pdf', 'tabhere.pdf'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['zero\u200Bwidth.pdf', 'zerowidth.pdf'],
    ['what?<>|"*:.pdf', 'what_______.pdf'],
    ['.hidden.pdf', 'hidden.pdf'],
    ['trailing.pdf. . ', 'trailing.pdf'],
    ['e\u0301te\u0301.pdf', '\u00e9t\u00e9.pdf'],
  ])('%j -> %j', (raw, safe) => {
    expect(sanitizeFileName(raw)).toBe(safe);
  });

  it.each(['', '   ', '..', '../', 'dir/', '\u0000\u0001', '...'])('%j leaves nothing usable', (raw) => {
    expect(sanitizeFileName(raw)).toBeNull();
  });

  it('shortens long names to the limit and keeps the extension', () => {
    const long = `${'я'.repeat(300)}.pdf`;
    const safe = sanitizeFileName(long)!;
    expect(Array.from(safe)).toHaveLength(MAX_FILE_NAME_LENGTH);
    expect(safe.endsWith('.pdf')).toBe(true);
  });

  it('never splits a character made of two UTF-16 units', () => {
    const safe = sanitizeFileName(`${'😀'.repeat(250)}.png`)!;
    expect(safe).toBe(`${'😀'.repeat(MAX_FILE_NAME_LENGTH - 4)}.png`);
  });

  it('whatever the input, the result has no separators or control characters and fits the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (raw) => {
        const safe = sanitizeFileName(raw);
        if (safe === null) return;
        // eslint-disable-next-line no-control-regex
        expect(safe).not.toMatch(/[/\\\u0000-\u001f\u007f]/);
        expect(safe).not.toMatch(/^[.\s]|[.\s]$/);
        expect(Array.from(safe).length).toBeLessThanOrEqual(MAX_FILE_NAME_LENGTH);
        expect(sanitizeFileName(safe)).toBe(safe);
      }),
    );
  });
});

describe('attachmentDisposition', () => {
  it('offers the exact name as UTF-8 and an ASCII fallback', () => {
    expect(attachmentDisposition('Бизнес план (v2).pdf')).toBe(
      `attachment; filename="______ ____ (v2).pdf"; filename*=UTF-8''%D0%91%D0%B8%D0%B7%D0%BD%D0%B5%D1%81%20%D0%BF%D0%BB%D0%B0%D0%BD%20%28v2%29.pdf`,
    );
  });

  it('cannot be broken out of by quotes, backslashes or semicolons', () => {
    const header = attachmentDisposition(`a";b\\c'.pdf`);
    expect(header).toBe(`attachment; filename="a_;b_c'.pdf"; filename*=UTF-8''a%22%3Bb%5Cc%27.pdf`);
  });

  it('round-trips any name through filename*', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 50 }), (name) => {
        const header = attachmentDisposition(name);
        expect(header).not.toMatch(/[\r\n]/);
        expect(decodeURIComponent(header.split("filename*=UTF-8''")[1])).toBe(name);
      }),
    );
  });
});
