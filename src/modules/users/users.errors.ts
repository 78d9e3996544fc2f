import { registerConstraintErrors } from '../../common/errors/constraint-errors';
import { defineErrors } from '../../common/errors/domain-error';

export const UserErrors = defineErrors('USER', {
  NOT_FOUND: { kind: 'not_found', message: 'User not found' },
  EMAIL_TAKEN: { kind: 'conflict', message: 'An account with this email already exists' },
  VILLAGE_NOT_FOUND: { kind: 'rule', message: 'The home village does not exist' },
  WRONG_PASSWORD: { kind: 'validation', message: 'The current password is not right' },
  LAST_ADMIN: { kind: 'conflict', message: 'The last active admin cannot lose the admin role or be disabled' },
});

registerConstraintErrors({
  UQ_users_email: UserErrors.EMAIL_TAKEN,
  FK_users_home_village: UserErrors.VILLAGE_NOT_FOUND,
});
