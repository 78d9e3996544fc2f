import { defineErrors } from '../../common/errors/domain-error';

export const IdempotencyErrors = defineErrors('IDEMPOTENCY', {
  KEY_REQUIRED: {
    kind: 'validation',
    message: 'This request moves money: send an Idempotency-Key header, the same one when you retry it',
  },
  KEY_INVALID: {
    kind: 'validation',
    message: 'The Idempotency-Key header must be 1 to 200 printable ASCII characters',
  },
  KEY_REUSED: {
    kind: 'rule',
    message: 'This Idempotency-Key was already used for another request: use a new key for a new request',
  },
  KEY_IN_USE: { kind: 'conflict', message: 'A request with this Idempotency-Key has just changed; try again' },
});
