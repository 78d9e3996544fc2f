import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { AttachmentStorage } from './attachment-storage';

const KEY = /^[A-Za-z0-9_-]{8,128}$/;
const TEMP_DIR = '.tmp';

/**
 * Attachments as files under one folder, fanned out by the first two characters of the key
 * (`ab/abcdef...`). A file is written under a temporary name in the same filesystem, flushed, then
 * renamed into place, so a reader never sees half a file and a crash leaves only `.tmp/` debris.
 */
export class FileSystemAttachmentStorage implements AttachmentStorage {
  private constructor(readonly root: string) {}

  static async create(folder: string): Promise<FileSystemAttachmentStorage> {
    const root = resolve(folder);
    await mkdir(join(root, TEMP_DIR), { recursive: true, mode: 0o700 });
    return new FileSystemAttachmentStorage(root);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const target = this.pathOf(key);
    const temp = join(this.root, TEMP_DIR, `${key}.${randomBytes(6).toString('hex')}`);
    try {
      await mkdir(dirname(target), { recursive: true, mode: 0o700 });
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    // Opened here, not lazily by the stream, so a missing file fails before any header is sent.
    const handle = await open(this.pathOf(key), 'r');
    return handle.createReadStream();
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error('Invalid attachment storage key');
    return join(this.root, key.slice(0, 2), key);
  }
}
