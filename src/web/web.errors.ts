import { defineErrors } from '../common/errors/domain-error';

export const WebErrors = defineErrors('WEB', {
  CSRF_REFUSED: {
    kind: 'forbidden',
    message: 'The form came without a valid token or from another site; reload the page and send it again',
  },
  FORM_INVALID: { kind: 'validation', message: 'The form has fields that are missing, unknown or not valid' },
});
