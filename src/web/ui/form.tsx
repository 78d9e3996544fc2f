import { ComponentChildren } from 'preact';
import { MessageKey } from '../i18n/catalogue';
import { usePage } from '../render/page-context';

/** One problem with one field of a form: the field's name (its element id) and the message key. */
export interface FieldError {
  field: string;
  message: MessageKey;
  params?: Record<string, string | number>;
}

export function CsrfField() {
  return <input type="hidden" name="_csrf" value={usePage().csrfToken} />;
}

/**
 * Every problem at once, at the top of the page, each linked to its field. It takes focus as the
 * page loads (autofocus, so also with JavaScript off): a screen reader reads it first and the
 * keyboard starts there.
 */
export function ErrorSummary(props: { errors: FieldError[] }) {
  const { t } = usePage();
  if (props.errors.length === 0) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} autofocus aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t.t('common.errorSummary.title')}</h2>
      <ul>
        {props.errors.map((error) => (
          <li>
            <a href={`#${error.field}`}>{t.t(error.message, error.params)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** One problem that belongs to no field (a refused sign-in, an offer already answered), at the top. */
export function ProblemBox(props: { message?: MessageKey }) {
  const { t } = usePage();
  if (!props.message) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} autofocus>
      <p>{t.t(props.message)}</p>
    </div>
  );
}

export interface FieldProps {
  name: string;
  label: string;
  hint?: string;
  errors?: FieldError[];
}

export function FieldFrame(props: FieldProps & { children: ComponentChildren }) {
  const { t } = usePage();
  const error = props.errors?.find((e) => e.field === props.name);
  return (
    <div class={error ? 'form-group has-error' : 'form-group'}>
      <label for={props.name}>{props.label}</label>
      {props.hint && (
        <span class="hint" id={`${props.name}-hint`}>
          {props.hint}
        </span>
      )}
      {error && (
        <span class="field-error" id={`${props.name}-error`}>
          {t.t(error.message, error.params)}
        </span>
      )}
      {props.children}
    </div>
  );
}

/** ids of the hint and error that describe a field, for aria-describedby. */
export function describedBy(props: FieldProps): string | undefined {
  const ids = [
    props.hint ? `${props.name}-hint` : null,
    props.errors?.some((e) => e.field === props.name) ? `${props.name}-error` : null,
  ].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextField(
  props: FieldProps & {
    value?: string;
    type?: 'text' | 'email' | 'password' | 'tel' | 'number' | 'date';
    autocomplete?: string;
    inputMode?: 'numeric' | 'decimal' | 'tel' | 'email' | 'text';
    maxLength?: number;
    required?: boolean;
  },
) {
  const invalid = props.errors?.some((e) => e.field === props.name);
  return (
    <FieldFrame {...props}>
      <input
        id={props.name}
        name={props.name}
        type={(props.type ?? 'text') as 'text'}
        value={props.type === 'password' ? undefined : props.value}
        autocomplete={props.autocomplete}
        inputMode={props.inputMode}
        maxLength={props.maxLength}
        required={props.required}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      />
    </FieldFrame>
  );
}

export function TextArea(props: FieldProps & { value?: string; maxLength?: number; rows?: number }) {
  const invalid = props.errors?.some((e) => e.field === props.name);
  return (
    <FieldFrame {...props}>
      <textarea
        id={props.name}
        name={props.name}
        rows={props.rows ?? 6}
        maxLength={props.maxLength}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        {props.value}
      </textarea>
    </FieldFrame>
  );
}

export function Select(
  props: FieldProps & { value?: string; options: { value: string; label: string }[]; placeholder?: string },
) {
  const invalid = props.errors?.some((e) => e.field === props.name);
  return (
    <FieldFrame {...props}>
      <select
        id={props.name}
        name={props.name}
        aria-invalid={invalid ? 'true' : undefined}
        aria-describedby={describedBy(props)}
      >
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((option) => (
          <option value={option.value} selected={option.value === props.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
