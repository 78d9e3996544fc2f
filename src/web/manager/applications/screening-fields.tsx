import { MessageKey } from '../../i18n/catalogue';
import { usePage } from '../../render/page-context';
import { FieldError, Select, TextArea } from '../../ui/form';
import { REASONS, ScreeningForm } from './screening-form';

/**
 * The decision (eligible or not), the reason from the list and a note: the same fields for one
 * application and for many. Without JavaScript every field is there; the reason is needed only
 * for "not eligible", as its hint says.
 */
export function ScreeningFields(props: { form: ScreeningForm; errors: FieldError[] }) {
  const { t } = usePage();
  const error = props.errors.find((e) => e.field === 'decision');
  const decisions: { value: string; label: MessageKey }[] = [
    { value: 'eligible', label: 'managerApplications.decision.eligible' },
    { value: 'ineligible', label: 'managerApplications.decision.ineligible' },
  ];
  return (
    <>
      <fieldset
        class={error ? 'form-group has-error' : 'form-group'}
        aria-describedby={error ? 'decision-error' : undefined}
      >
        <legend>{t.t('managerApplications.decision.label')}</legend>
        {error && (
          <span class="field-error" id="decision-error">
            {t.t(error.message, error.params)}
          </span>
        )}
        {decisions.map((d, i) => (
          <div class="choice">
            <input
              type="radio"
              name="decision"
              id={i === 0 ? 'decision' : `decision-${d.value}`}
              value={d.value}
              checked={props.form.decision === d.value}
            />
            <label for={i === 0 ? 'decision' : `decision-${d.value}`}>{t.t(d.label)}</label>
          </div>
        ))}
      </fieldset>
      <Select
        name="reason"
        label={t.t('managerApplications.reason.label')}
        hint={t.t('managerApplications.reason.hint')}
        value={props.form.reason}
        errors={props.errors}
        placeholder={t.t('managerApplications.reason.none')}
        options={REASONS.map((r) => ({ value: r, label: t.t(`managerApplications.reason.${r}` as MessageKey) }))}
      />
      <TextArea
        name="note"
        label={t.t('managerApplications.note.label')}
        hint={t.t('managerApplications.note.hint')}
        value={props.form.note}
        errors={props.errors}
        maxLength={2000}
        rows={3}
      />
    </>
  );
}
