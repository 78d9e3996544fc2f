import { defineErrors } from '../../common/errors/domain-error';

export const OpenDataErrors = defineErrors('OPEN_DATA', {
  EXPORT_BUSY: {
    kind: 'unavailable',
    message: 'Too many exports are being written right now; try again in a few seconds',
  },
});
