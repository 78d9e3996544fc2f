import { createHash } from 'node:crypto';
import { DomainError } from '../../common/errors/domain-error';
import { StoredFileErrors as E } from './stored-files.errors';
import { sanitizeFileName } from './domain/file-name';
import { AttachmentMediaType, checkFileType } from './domain/file-type';
import { IncomingFile } from './incoming-file';

export interface CheckedFile {
  originalName: string;
  mediaType: AttachmentMediaType;
  size: number;
  sha256: string;
}

/** An uploaded file checked before any byte is stored: a usable name, and a type decided by its content that its extension agrees with. */
export function checkIncomingFile(file: IncomingFile): CheckedFile {
  const originalName = sanitizeFileName(file.name);
  if (!originalName)
    throw new DomainError(E.INVALID_NAME, {
      fields: [{ field: 'file', problems: ['the file name is empty or unusable'] }],
    });
  const type = checkFileType(originalName, file.bytes);
  if (!type.ok) {
    if (type.problem === 'unsupported_type') throw new DomainError(E.UNSUPPORTED_TYPE);
    throw new DomainError(E.TYPE_MISMATCH, { detected: type.detected, extension: type.extension });
  }
  return {
    originalName,
    mediaType: type.mediaType,
    size: file.bytes.length,
    sha256: createHash('sha256').update(file.bytes).digest('hex'),
  };
}
