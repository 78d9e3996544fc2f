import { usePage } from '../../render/page-context';
import { CsrfField, FieldError, Select, TextArea, TextField } from '../../ui/form';
import { LANGUAGE_LABEL, TEXT_LANGUAGES } from '../../render/localized-fields';
import { CriterionRow, MAX_CRITERIA, MethodForm } from './method-form';
import { RoundsFrame } from './rounds-ui';

/**
 * The method of a draft round as a form that works without JavaScript: the rubric as rows, "add a
 * criterion" and "remove" as submit buttons that show the form again with one row more or less
 * (nothing is saved until "save"), each level of each scale with its descriptor in three languages.
 */
export function MethodPage(props: { roundId: string; form: MethodForm; errors: FieldError[] }) {
  const { t } = usePage();
  const { form, errors } = props;
  const codes = form.rows.map((r) => r.code).filter(Boolean);
  const number = (name: keyof MethodForm, label: string, hint?: string) => (
    <TextField
      name={name}
      label={label}
      hint={hint}
      value={form[name] as string}
      inputMode="decimal"
      maxLength={12}
      errors={errors}
    />
  );
  return (
    <RoundsFrame
      title={t.t('managerRounds.method.title')}
      back={{ href: `/manage/rounds/${props.roundId}`, label: t.t('managerRounds.back.round') }}
      errors={errors}
    >
      <form method="post" action={`/manage/rounds/${props.roundId}/method`} class="method-form" novalidate>
        <CsrfField />
        {/* Enter in a field saves: the first submit button of a form is the one Enter presses. */}
        <button type="submit" name="action" value="save" class="visually-hidden" tabIndex={-1} aria-hidden="true">
          {t.t('managerRounds.method.save')}
        </button>
        <input type="hidden" name="rows" value={String(form.rows.length)} />
        <TextField
          name="name"
          label={t.t('managerRounds.field.name')}
          value={form.name}
          maxLength={200}
          errors={errors}
        />
        <TextField
          name="deadline"
          type="date"
          label={t.t('managerRounds.field.deadline')}
          hint={t.t('managerRounds.field.deadlineHint')}
          value={form.deadline}
          errors={errors}
        />
        <h2>{t.t('managerRounds.method.rubric')}</h2>
        {form.rows.map((row, i) => (
          <CriterionFields row={row} index={i} errors={errors} removable={form.rows.length > 1} />
        ))}
        {form.rows.length < MAX_CRITERIA && (
          <button class="button secondary" type="submit" name="action" value="add">
            {t.t('managerRounds.method.add')}
          </button>
        )}
        <h2>{t.t('managerRounds.method.rules')}</h2>
        <Select
          name="priorityCriterion"
          label={t.t('managerRounds.field.priority')}
          hint={t.t('managerRounds.field.priorityHint')}
          value={form.priorityCriterion}
          placeholder={t.t('managerRounds.field.choose')}
          options={[...new Set([...codes, ...(form.priorityCriterion ? [form.priorityCriterion] : [])])].map((c) => ({
            value: c,
            label: c,
          }))}
          errors={errors}
        />
        {number('jurorsPerApplication', t.t('managerRounds.field.jurors'))}
        {number('minLoad', t.t('managerRounds.field.minLoad'))}
        {number('maxLoad', t.t('managerRounds.field.maxLoad'))}
        {number('quorum', t.t('managerRounds.field.quorum'), t.t('managerRounds.field.quorumHint'))}
        {number(
          'disputeSpread',
          t.t('managerRounds.field.disputeSpread'),
          t.t('managerRounds.field.disputeSpreadHint'),
        )}
        {number(
          'disputeMargin',
          t.t('managerRounds.field.disputeMargin'),
          t.t('managerRounds.field.disputeMarginHint'),
        )}
        {number('disputeMaxShare', t.t('managerRounds.field.disputeShare'))}
        <fieldset class="form-group" id="advancement">
          <legend>{t.t('managerRounds.field.advancement')}</legend>
          {(['top', 'cutoff', 'budget'] as const).map((kind) => (
            <div class="choice">
              <input
                type="radio"
                name="advancement"
                id={`advancement-${kind}`}
                value={kind}
                checked={form.advancement === kind}
              />
              <label for={`advancement-${kind}`}>{t.t(`managerRounds.advance.${kind}`)}</label>
            </div>
          ))}
        </fieldset>
        {number('advanceTop', t.t('managerRounds.field.advanceTop'))}
        {number('advanceCutoff', t.t('managerRounds.field.advanceCutoff'))}
        {number('advanceBudget', t.t('managerRounds.field.advanceBudget'))}
        <div class="choice">
          <input
            type="checkbox"
            id="calibratedDecisive"
            name="calibratedDecisive"
            value="yes"
            checked={form.calibratedDecisive}
          />
          <label for="calibratedDecisive">{t.t('managerRounds.field.calibrated')}</label>
        </div>
        <div class="choice">
          <input type="checkbox" id="blind" name="blind" value="yes" checked={form.blind} />
          <label for="blind">{t.t('managerRounds.field.blind')}</label>
        </div>
        <button class="button" type="submit" name="action" value="save">
          {t.t('managerRounds.method.save')}
        </button>
      </form>
    </RoundsFrame>
  );
}

function CriterionFields(props: { row: CriterionRow; index: number; errors: FieldError[]; removable: boolean }) {
  const { t } = usePage();
  const { row, index: i, errors } = props;
  const n = { number: i + 1 };
  return (
    <fieldset class="criterion-row">
      <legend>{t.t('managerRounds.method.criterion', n)}</legend>
      <input type="hidden" name={`levels-${i}`} value={String(row.levels.length)} />
      <TextField
        name={`code-${i}`}
        label={t.t('managerRounds.field.code')}
        hint={t.t('managerRounds.field.codeHint')}
        value={row.code}
        maxLength={40}
        errors={errors}
      />
      <div class="title-fields">
        {TEXT_LANGUAGES.map((language) => (
          <TextField
            name={`title-${i}-${language}`}
            label={t.t('managerRounds.field.title', { language: t.t(LANGUAGE_LABEL[language]) })}
            value={row.title[language]}
            maxLength={200}
            errors={errors}
          />
        ))}
      </div>
      <div class="title-fields">
        {TEXT_LANGUAGES.map((language) => (
          <TextArea
            name={`description-${i}-${language}`}
            label={t.t('managerRounds.field.description', { language: t.t(LANGUAGE_LABEL[language]) })}
            value={row.description[language]}
            maxLength={4000}
            rows={2}
            errors={errors}
          />
        ))}
      </div>
      <div class="field-row">
        <TextField
          name={`weight-${i}`}
          label={t.t('managerRounds.field.weight')}
          value={row.weight}
          inputMode="numeric"
          maxLength={4}
          errors={errors}
        />
        <TextField
          name={`max-${i}`}
          label={t.t('managerRounds.field.max')}
          value={row.max}
          inputMode="numeric"
          maxLength={3}
          errors={errors}
        />
        <TextField
          name={`min-${i}`}
          label={t.t('managerRounds.field.gate')}
          hint={t.t('managerRounds.field.gateHint')}
          value={row.min}
          inputMode="decimal"
          maxLength={6}
          errors={errors}
        />
      </div>
      <details class="levels-fields" open={errors.some((e) => e.field.startsWith(`level-${i}-`)) || !row.code}>
        <summary>{t.t('managerRounds.method.levels', { count: row.levels.length })}</summary>
        {row.levels.map((level, l) => (
          <fieldset class="level-row">
            <legend>{t.t('managerRounds.method.level', { level: l })}</legend>
            {TEXT_LANGUAGES.map((language) => (
              <TextField
                name={`level-${i}-${l}-${language}`}
                label={t.t(LANGUAGE_LABEL[language])}
                value={level[language]}
                maxLength={1000}
                errors={errors}
              />
            ))}
          </fieldset>
        ))}
      </details>
      {props.removable && (
        <button class="button secondary" type="submit" name="action" value={`remove-${i}`}>
          {t.t('managerRounds.method.remove', n)}
        </button>
      )}
    </fieldset>
  );
}
