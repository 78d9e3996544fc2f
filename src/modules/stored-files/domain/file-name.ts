/**
 * What is kept of the name a client gives a file: the last path segment only, without control or
 * bidirectional-override characters (which can disguise `gpj.exe` as `exe.jpg`), without characters
 * that are unsafe in file names on common systems, at most MAX_FILE_NAME_LENGTH characters with the
 * extension kept. The name is only ever shown and offered for download, never used as a storage path.
 */
export const MAX_FILE_NAME_LENGTH = 200;

// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const UNSAFE = /[<>:"|?*]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const EDGES = /^[.\s]+|[.\s]+$/g;

/** The safe name, or null when nothing usable is left. */
export function sanitizeFileName(raw: string): string | null {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = base
    .replace(LONE_SURROGATE, '')
    .replace(INVISIBLE, '')
    .replace(UNSAFE, '_')
    .normalize('NFC')
    .replace(EDGES, '');
  const safe = truncate(cleaned, MAX_FILE_NAME_LENGTH).replace(EDGES, '');
  return safe || null;
}

function truncate(name: string, max: number): string {
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? Array.from(name.slice(dot)) : [];
  if (extension.length > max / 4) return chars.slice(0, max).join('');
  return chars.slice(0, max - extension.length).join('') + extension.join('');
}

/**
 * `Content-Disposition` for a download: always `attachment` (never shown inline), with an ASCII
 * fallback name for old clients and the exact name as RFC 5987 `filename*`.
 */
export function attachmentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
