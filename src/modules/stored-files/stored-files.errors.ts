import { defineErrors } from '../../common/errors/domain-error';

/**
 * Problems with an uploaded file itself, whatever it is added to. The codes are ATTACHMENT.*, as
 * they were when only applications had files; the limits of each owner are in the owner's errors.
 */
export const StoredFileErrors = defineErrors('ATTACHMENT', {
  FILE_REQUIRED: { kind: 'validation', message: 'Send the file as the multipart field "file"' },
  INVALID_NAME: {
    kind: 'validation',
    message: 'The file name has nothing usable once paths and control characters are removed',
  },
  TOO_LARGE: { kind: 'too_large', message: 'The file is larger than allowed' },
  UNSUPPORTED_TYPE: {
    kind: 'rule',
    message: 'Only PDF, JPEG, PNG, DOCX and XLSX files are accepted (checked by content)',
  },
  TYPE_MISMATCH: { kind: 'rule', message: 'The file name does not match its content' },
});
