import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { newStorageKey } from './attachment-storage';
import { FileSystemAttachmentStorage } from './file-system-attachment-storage';

const read = async (content: Buffer | Readable): Promise<Buffer> => {
  if (Buffer.isBuffer(content)) return content;
  const chunks: Buffer[] = [];
  for await (const chunk of content) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

describe('FileSystemAttachmentStorage', () => {
  let base: string;
  let folder: string;
  let storage: FileSystemAttachmentStorage;

  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'attachments-'));
    folder = join(base, 'missing', 'folder');
    storage = await FileSystemAttachmentStorage.create(folder);
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('creates its folder, stores, reads back and deletes, leaving no temporary file', async () => {
    const key = newStorageKey();
    const data = Buffer.from('some bytes');
    await storage.put(key, data);
    expect(await readFile(join(folder, key.slice(0, 2), key))).toEqual(data);
    expect(await read(await storage.get(key))).toEqual(data);
    expect(await readdir(join(folder, '.tmp'))).toEqual([]);
    await storage.delete(key);
    await expect(storage.get(key)).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(storage.delete(key)).resolves.toBeUndefined();
  });

  it.each(['../../etc/passwd', 'a/b', '..', '', 'short', 'x'.repeat(200), 'name with spaces'])(
    'refuses the key %j',
    async (key) => {
      await expect(storage.put(key, Buffer.from('x'))).rejects.toThrow('Invalid attachment storage key');
      await expect(storage.get(key)).rejects.toThrow('Invalid attachment storage key');
      await expect(storage.delete(key)).rejects.toThrow('Invalid attachment storage key');
    },
  );
});
