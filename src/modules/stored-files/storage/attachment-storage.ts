import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';

/**
 * Where attachment bytes live, by key. The filesystem implementation is the default; an
 * S3-compatible bucket can replace it by providing another implementation under ATTACHMENT_STORAGE.
 * `put` must never leave a partly written object visible under `key`; `delete` of a missing key is
 * not an error.
 */
export interface AttachmentStorage {
  put(key: string, data: Buffer): Promise<void>;
  /** Fails (before any byte is read) when the key holds nothing. */
  get(key: string): Promise<Buffer | Readable>;
  delete(key: string): Promise<void>;
}

export const ATTACHMENT_STORAGE = Symbol('ATTACHMENT_STORAGE');

/** A random key: 128 bits, hex, unrelated to anything the client sent. */
export const newStorageKey = (): string => randomBytes(16).toString('hex');
