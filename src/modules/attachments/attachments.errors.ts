import { defineErrors } from '../../common/errors/domain-error';

export const AttachmentErrors = defineErrors('ATTACHMENT', {
  NOT_FOUND: { kind: 'not_found', message: 'Attachment not found' },
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
  COUNT_LIMIT: { kind: 'rule', message: 'The application has as many attachments as allowed' },
  QUOTA_EXCEEDED: { kind: 'rule', message: 'The file would take the application over its attachment quota' },
});
