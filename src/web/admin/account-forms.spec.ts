import { DomainError } from '../../common/errors/domain-error';
import { UserErrors } from '../../modules/users/users.errors';
import {
  accountRefusal,
  checkAccountChange,
  checkNewAccount,
  readAccountChange,
  readNewAccount,
} from './account-forms';

const fieldsOf = (errors: { field: string }[]) => errors.map((e) => e.field);

describe('admin account forms', () => {
  it('reads one ticked role or several, and refuses a forged role or field', () => {
    expect(readAccountChange({ roles: 'juror', preferredLanguage: 'kk', active: 'true' }).roles).toEqual(['juror']);
    expect(readAccountChange({ roles: ['juror', 'admin'], active: 'false' }).roles).toEqual(['juror', 'admin']);
    expect(readAccountChange({ active: 'true' }).roles).toEqual([]);
    expect(() => readAccountChange({ roles: 'king' })).toThrow(DomainError);
    expect(() => readAccountChange({ roles: [['juror']] })).toThrow(DomainError);
    expect(() => readNewAccount({ fullName: 'A', password: 'secret' })).toThrow(DomainError);
  });

  it('checks a new account by the API DTO, every problem in the order of the form', () => {
    const bad = checkNewAccount({ fullName: '', email: 'nope', phone: 'call', preferredLanguage: 'xx', roles: [] });
    expect(fieldsOf(bad.errors)).toEqual(['fullName', 'email', 'phone', 'preferredLanguage', 'roles']);
    const good = checkNewAccount({
      fullName: ' Aliya ',
      email: 'Aliya@Example.KZ',
      phone: '',
      preferredLanguage: 'ru',
      roles: ['juror', 'finance'],
    });
    expect(good.errors).toEqual([]);
    expect(good.value).toMatchObject({ fullName: 'Aliya', email: 'aliya@example.kz', roles: ['juror', 'finance'] });
    expect(good.value.phone).toBeUndefined();
  });

  it('checks a change: at least one role, a language, and active as yes or no', () => {
    expect(fieldsOf(checkAccountChange({ roles: [], preferredLanguage: 'xx', active: 'maybe' }).errors)).toEqual([
      'roles',
      'preferredLanguage',
      'active',
    ]);
    expect(checkAccountChange({ roles: ['admin'], preferredLanguage: 'en', active: 'false' })).toEqual({
      value: { roles: ['admin'], preferredLanguage: 'en', active: false },
      errors: [],
    });
  });

  it('says the last-admin refusal in words and an email taken at its field; other errors are not its to show', () => {
    expect(accountRefusal(new DomainError(UserErrors.LAST_ADMIN))).toEqual({
      errors: [],
      problem: 'admin.problem.lastAdmin',
    });
    expect(accountRefusal(new DomainError(UserErrors.EMAIL_TAKEN))?.errors).toEqual([
      { field: 'email', message: 'account.error.email.taken' },
    ]);
    expect(accountRefusal(new DomainError(UserErrors.NOT_FOUND))).toBeNull();
    expect(accountRefusal(new Error('boom'))).toBeNull();
  });
});
