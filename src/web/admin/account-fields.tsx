import { LANGUAGES } from '../../modules/users/domain/language';
import { usePage } from '../render/page-context';
import { FieldError, Select } from '../ui/form';
import { ROLE_CHOICES, roleLabel } from './account-forms';

/** The roles as checkboxes in one fieldset; its first box carries the id the error summary links to. */
export function RolesFieldset(props: { checked: string[]; errors: FieldError[] }) {
  const { t } = usePage();
  const error = props.errors.find((e) => e.field === 'roles');
  return (
    <fieldset class={error ? 'form-group has-error' : 'form-group'} aria-describedby="roles-hint">
      <legend>{t.t('admin.field.roles')}</legend>
      <span class="hint" id="roles-hint">
        {t.t('admin.field.roles.hint')}
      </span>
      {error && (
        <span class="field-error" id="roles-error">
          {t.t(error.message, error.params)}
        </span>
      )}
      {ROLE_CHOICES.map((role, i) => (
        <div class="choice">
          <input
            type="checkbox"
            id={i === 0 ? 'roles' : `roles-${role}`}
            name="roles"
            value={role}
            checked={props.checked.includes(role)}
          />
          <label for={i === 0 ? 'roles' : `roles-${role}`}>{t.t(roleLabel(role))}</label>
        </div>
      ))}
    </fieldset>
  );
}

export function LanguageSelect(props: { value: string; errors: FieldError[] }) {
  const { t } = usePage();
  return (
    <Select
      name="preferredLanguage"
      label={t.t('admin.field.language')}
      value={props.value}
      options={LANGUAGES.map((code) => ({ value: code, label: t.t(`admin.language.${code}`) }))}
      errors={props.errors}
    />
  );
}
