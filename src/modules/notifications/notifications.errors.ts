import { defineErrors } from '../../common/errors/domain-error';

export const NotificationErrors = defineErrors('NOTIFICATION', {
  NOT_FOUND: { kind: 'not_found', message: 'Notification not found' },
  NOT_FAILED: { kind: 'conflict', message: 'Only a failed notification can be retried' },
});
