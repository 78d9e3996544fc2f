import type { AuthUser, Role } from '../../../common/auth/role';
import { canChange, canSee } from './application-access';

const OWNER = 'owner';
const as = (id: string, ...roles: Role[]): AuthUser => ({ id, roles });

describe('application access', () => {
  it.each<[string, AuthUser, boolean, boolean, boolean]>([
    // who, seeing, changing their own entry, changing an assisted entry
    ['the applicant', as(OWNER, 'applicant'), true, true, true],
    ['another applicant', as('other', 'applicant'), false, false, false],
    ['a manager', as('m', 'manager'), true, false, true],
    ['an admin', as('a', 'admin'), true, false, true],
    ['a juror', as('j', 'juror'), false, false, false],
    ['finance', as('f', 'finance'), false, false, false],
    ['an observer', as('o', 'observer'), false, false, false],
    ['a juror who is also a manager', as('jm', 'juror', 'manager'), true, false, true],
    ['someone with no role', as('n'), false, false, false],
  ])('%s', (_who, user, sees, changesOwn, changesAssisted) => {
    expect({
      sees: canSee(user, { applicantId: OWNER }),
      changesOwn: canChange(user, { applicantId: OWNER, assisted: false }),
      changesAssisted: canChange(user, { applicantId: OWNER, assisted: true }),
    }).toEqual({ sees, changesOwn, changesAssisted });
  });
});
