import { defineErrors } from '../../common/errors/domain-error';

/** An application's attachments; the problems of a file itself are StoredFileErrors (ATTACHMENT.* too). */
export const AttachmentErrors = defineErrors('ATTACHMENT', {
  NOT_FOUND: { kind: 'not_found', message: 'Attachment not found' },
  COUNT_LIMIT: { kind: 'rule', message: 'The application has as many attachments as allowed' },
  QUOTA_EXCEEDED: { kind: 'rule', message: 'The file would take the application over its attachment quota' },
});
