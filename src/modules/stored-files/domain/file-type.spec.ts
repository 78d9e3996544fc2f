import fc from 'fast-check';
import { sampleDocx, sampleJpeg, samplePdf, samplePng, sampleXlsx, zipOf } from '../../../../test/helpers/sample-files';
import { checkFileType, detectKind, extensionOf } from './file-type';
import { zipEntryNames } from './zip-entries';

const CT = '<Types/>';

describe('detectKind', () => {
  it.each([
    ['pdf', samplePdf()],
    ['png', samplePng()],
    ['jpeg', sampleJpeg()],
    ['docx', sampleDocx()],
    ['xlsx', sampleXlsx()],
  ])('recognises %s by its bytes', (kind, bytes) => {
    expect(detectKind(bytes)).toBe(kind);
  });

  it.each([
    ['empty', Buffer.alloc(0)],
    ['plain text', Buffer.from('Hello, this is not a PDF')],
    ['a truncated PDF signature', Buffer.from('%PDF')],
    ['a PDF signature not at the start', Buffer.from(' %PDF-1.7')],
    ['a truncated PNG signature', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
    ['HTML', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ['SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ['a GIF', Buffer.from('GIF89a......')],
    ['a plain ZIP', zipOf({ 'a.txt': 'hello' })],
    ['a ZIP with word/ but no [Content_Types].xml', zipOf({ 'word/document.xml': '<w/>' })],
    ['a ZIP with [Content_Types].xml only', zipOf({ '[Content_Types].xml': CT })],
    [
      'a macro-enabled document',
      zipOf({ '[Content_Types].xml': CT, 'word/document.xml': '<w/>', 'word/vbaProject.bin': 'x' }),
    ],
    [
      'an archive that is both',
      zipOf({ '[Content_Types].xml': CT, 'word/document.xml': '<w/>', 'xl/workbook.xml': '<x/>' }),
    ],
    ['a ZIP local header and nothing else', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])],
  ])('refuses %s', (_name, bytes) => {
    expect(detectKind(bytes)).toBeNull();
  });

  it('never throws, whatever the bytes, including anything starting like a ZIP', () => {
    const zipLike = fc
      .uint8Array({ maxLength: 400 })
      .map((b) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(b)]));
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
          zipLike,
        ),
        (bytes) => {
          detectKind(bytes);
        },
      ),
    );
  });

  it('never throws on a real archive with any byte of it changed, or cut short', () => {
    const docx = sampleDocx();
    fc.assert(
      fc.property(fc.nat(docx.length - 1), fc.integer({ min: 0, max: 255 }), fc.nat(docx.length), (at, value, cut) => {
        const changed = Buffer.from(docx);
        changed[at] = value;
        detectKind(changed);
        detectKind(docx.subarray(0, cut));
      }),
    );
  });
});

describe('zipEntryNames', () => {
  it('lists the entries of an archive, with or without a comment', () => {
    expect(zipEntryNames(zipOf({ 'a.txt': 'x', 'b/c.xml': 'y' }))).toEqual(['a.txt', 'b/c.xml']);
    expect(zipEntryNames(zipOf({ 'a.txt': 'x' }, 'a comment PK\x05\x06 with a fake signature'))).toEqual(['a.txt']);
  });

  it('gives up on more entries than allowed, and on a directory pointing past its end', () => {
    const archive = zipOf({ a: '1', b: '2', c: '3' });
    expect(zipEntryNames(archive, 2)).toBeNull();
    const broken = Buffer.from(archive);
    broken.writeUInt32LE(archive.length, archive.length - 22 + 16);
    expect(zipEntryNames(broken)).toBeNull();
  });

  it('gives up on ZIP64 and multi-disk markers', () => {
    const archive = zipOf({ a: '1' });
    const zip64 = Buffer.from(archive);
    zip64.writeUInt16LE(0xffff, archive.length - 22 + 10);
    expect(zipEntryNames(zip64)).toBeNull();
    const multiDisk = Buffer.from(archive);
    multiDisk.writeUInt16LE(1, archive.length - 22 + 4);
    expect(zipEntryNames(multiDisk)).toBeNull();
  });
});

describe('checkFileType', () => {
  it.each([
    ['report.pdf', samplePdf(), 'application/pdf'],
    ['REPORT.PDF', samplePdf(), 'application/pdf'],
    ['photo.jpg', sampleJpeg(), 'image/jpeg'],
    ['photo.JPEG', sampleJpeg(), 'image/jpeg'],
    ['plan.png', samplePng(), 'image/png'],
    ['plan.docx', sampleDocx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['budget.xlsx', sampleXlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ])('accepts %s with matching content', (name, bytes, mediaType) => {
    expect(checkFileType(name, bytes)).toEqual({ ok: true, kind: expect.any(String), mediaType });
  });

  it.each([
    ['a PNG named .pdf', 'scan.pdf', samplePng(), 'png'],
    ['a PDF named .png', 'scan.png', samplePdf(), 'pdf'],
    ['a PDF without an extension', 'scan', samplePdf(), 'pdf'],
    ['a PDF with a double extension ending in .exe', 'scan.pdf.exe', samplePdf(), 'pdf'],
    ['a DOCX named .xlsx', 'budget.xlsx', sampleDocx(), 'docx'],
    ['a DOCX named .zip', 'plan.zip', sampleDocx(), 'docx'],
  ])('refuses %s as a mismatch', (_case, name, bytes, detected) => {
    expect(checkFileType(name, bytes)).toEqual({
      ok: false,
      problem: 'type_mismatch',
      detected,
      extension: expect.any(String),
    });
  });

  it.each([
    ['text named .pdf', 'notes.pdf', Buffer.from('just text')],
    ['an executable named .pdf', 'setup.pdf', Buffer.from('MZ\x90\x00\x03')],
    ['a plain ZIP named .docx', 'plan.docx', zipOf({ 'a.txt': 'x' })],
  ])('refuses %s as unsupported', (_case, name, bytes) => {
    expect(checkFileType(name, bytes)).toEqual({ ok: false, problem: 'unsupported_type' });
  });
});

describe('extensionOf', () => {
  it.each([
    ['a.pdf', 'pdf'],
    ['a.tar.GZ', 'gz'],
    ['noext', ''],
    ['.pdf', ''],
    ['a.', ''],
  ])('%s -> "%s"', (name, ext) => {
    expect(extensionOf(name)).toBe(ext);
  });
});
