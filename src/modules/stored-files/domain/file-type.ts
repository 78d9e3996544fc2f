import { zipEntryNames } from './zip-entries';

/**
 * The kinds of file an application may carry, told apart by their first bytes (and, for Office
 * files, by the parts their ZIP archive lists), never by the name or the type the client declares.
 */
export const ATTACHMENT_KINDS = {
  pdf: { mediaType: 'application/pdf', extensions: ['pdf'] },
  png: { mediaType: 'image/png', extensions: ['png'] },
  jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] },
  docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
  xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
} as const satisfies Record<string, { mediaType: string; extensions: readonly string[] }>;

export type AttachmentKind = keyof typeof ATTACHMENT_KINDS;
export type AttachmentMediaType = (typeof ATTACHMENT_KINDS)[AttachmentKind]['mediaType'];

export const ATTACHMENT_MEDIA_TYPES = Object.values(ATTACHMENT_KINDS).map((k) => k.mediaType);
export const ATTACHMENT_EXTENSIONS = Object.values(ATTACHMENT_KINDS).flatMap((k) => [...k.extensions]);

const PDF = Buffer.from('%PDF-', 'latin1');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);

const startsWith = (bytes: Buffer, prefix: Buffer) =>
  bytes.length >= prefix.length && bytes.subarray(0, prefix.length).equals(prefix);

/** The kind the bytes are, or null for anything this service does not accept. */
export function detectKind(bytes: Buffer): AttachmentKind | null {
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, JPEG)) return 'jpeg';
  return officeKind(bytes);
}

/**
 * An Office Open XML document is a ZIP archive with `[Content_Types].xml` and its main parts under
 * `word/` or `xl/`. Macro-enabled documents (a `vbaProject.bin` part) and archives claiming to be
 * both are refused.
 */
function officeKind(bytes: Buffer): 'docx' | 'xlsx' | null {
  const names = zipEntryNames(bytes);
  if (!names || !names.includes('[Content_Types].xml')) return null;
  if (names.some((n) => /(^|\/)vbaProject\.bin$/i.test(n))) return null;
  const word = names.some((n) => n.startsWith('word/'));
  const excel = names.some((n) => n.startsWith('xl/'));
  if (word === excel) return null;
  return word ? 'docx' : 'xlsx';
}

/** The lower-case extension of a file name, without the dot; '' when there is none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export type FileTypeVerdict =
  | { ok: true; kind: AttachmentKind; mediaType: AttachmentMediaType }
  | { ok: false; problem: 'unsupported_type' }
  | { ok: false; problem: 'type_mismatch'; detected: AttachmentKind; extension: string };

/** The file's kind by content, which the extension of its name must agree with. */
export function checkFileType(name: string, bytes: Buffer): FileTypeVerdict {
  const kind = detectKind(bytes);
  if (!kind) return { ok: false, problem: 'unsupported_type' };
  const extension = extensionOf(name);
  const expected: readonly string[] = ATTACHMENT_KINDS[kind].extensions;
  if (!expected.includes(extension)) return { ok: false, problem: 'type_mismatch', detected: kind, extension };
  return { ok: true, kind, mediaType: ATTACHMENT_KINDS[kind].mediaType };
}
