import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { FieldError, Select, TextField } from '../../ui/form';
import { LANGUAGE_LABEL, TEXT_LANGUAGES } from '../../render/localized-fields';
import { MAX_ENVELOPES, MAX_FLOORS, MAX_TRANCHES, SetupForm, TrancheRow } from './setup-form';
import { PlaceChoices } from './setup-views';

interface SectionProps {
  form: SetupForm;
  places: PlaceChoices;
  errors: FieldError[];
  readOnly: boolean;
}

const hasError = (errors: FieldError[], prefix: string) => errors.some((e) => e.field.startsWith(prefix));

/** A submit button that changes the rows; a read-only form has none. */
function RowButton(props: { value: string; label: string; readOnly: boolean }) {
  if (props.readOnly) return null;
  return (
    <button class="button secondary" type="submit" name="action" value={props.value}>
      {props.label}
    </button>
  );
}

/**
 * Eligibility by district: a district ticked whole (every village in it, also ones added later, up
 * to the opening), or its villages one by one, listed under it in a disclosure.
 */
export function EligibleFields(props: SectionProps) {
  const { t, language } = usePage();
  const { form, errors } = props;
  const error = errors.find((e) => e.field === 'eligible');
  const districts = new Set(form.districts);
  const villages = new Set(form.villages);
  return (
    <fieldset class="setup-section" id="eligible" disabled={props.readOnly} aria-describedby="eligible-hint">
      <legend>{t.t('managerCompetitions.section.eligible')}</legend>
      <p class="hint" id="eligible-hint">
        {t.t('managerCompetitions.eligible.hint')}
      </p>
      {error && <p class="field-error">{t.t(error.message, error.params)}</p>}
      {props.places.districts.length === 0 && <p>{t.t('managerCompetitions.eligible.none')}</p>}
      {props.places.districts.map((d) => {
        const name = contentText(d.name, language);
        const picked = d.villages.filter((v) => villages.has(v.id)).length;
        return (
          <div class="eligible-district">
            <div class="choice">
              <input
                type="checkbox"
                id={`district-${d.id}`}
                name={`district-${d.id}`}
                value="yes"
                checked={districts.has(d.id)}
              />
              <label for={`district-${d.id}`}>{t.t('managerCompetitions.eligible.all', { district: name })}</label>
            </div>
            {d.villages.length > 0 && (
              <details class="eligible-villages" open={picked > 0 && !districts.has(d.id)}>
                <summary>
                  {t.t('managerCompetitions.eligible.villages', { district: name, count: d.villages.length })}
                </summary>
                <fieldset>
                  <legend class="visually-hidden">{name}</legend>
                  {d.villages.map((v) => (
                    <div class="choice">
                      <input
                        type="checkbox"
                        id={`village-${v.id}`}
                        name={`village-${v.id}`}
                        value="yes"
                        checked={villages.has(v.id)}
                      />
                      <label for={`village-${v.id}`}>{contentText(v.name, language)}</label>
                    </div>
                  ))}
                </fieldset>
              </details>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}

/** Envelopes: a cap per district or village, as rows. */
export function EnvelopeFields(props: SectionProps) {
  const { t, language } = usePage();
  const { form, errors } = props;
  const options = props.places.districts.flatMap((d) => {
    const district = contentText(d.name, language);
    return [
      { value: `district:${d.id}`, label: t.t('managerCompetitions.envelope.district', { name: district }) },
      ...d.villages.map((v) => ({
        value: `village:${v.id}`,
        label: t.t('managerCompetitions.envelope.village', { name: contentText(v.name, language), district }),
      })),
    ];
  });
  return (
    <fieldset class="setup-section" id="envelopes" disabled={props.readOnly}>
      <legend>{t.t('managerCompetitions.section.envelopes')}</legend>
      <p class="hint">{t.t('managerCompetitions.envelopes.hint')}</p>
      {form.envelopes.map((row, i) => (
        <fieldset class="criterion-row">
          <legend>{t.t('managerCompetitions.envelope', { number: i + 1 })}</legend>
          <div class="field-row">
            <Select
              name={`envelope-${i}-place`}
              label={t.t('managerCompetitions.envelope.place')}
              value={row.place}
              placeholder={t.t('managerCompetitions.choose')}
              options={options}
              errors={errors}
            />
            <TextField
              name={`envelope-${i}-amount`}
              label={t.t('managerCompetitions.envelope.amount')}
              value={row.amount}
              inputMode="decimal"
              maxLength={24}
              errors={errors}
            />
          </div>
          <RowButton
            value={`remove-envelope-${i}`}
            label={t.t('managerCompetitions.envelope.remove', { number: i + 1 })}
            readOnly={props.readOnly}
          />
        </fieldset>
      ))}
      {form.envelopes.length < MAX_ENVELOPES && (
        <RowButton value="add-envelope" label={t.t('managerCompetitions.envelope.add')} readOnly={props.readOnly} />
      )}
    </fieldset>
  );
}

/** The tranche template, floors, partial funding and the acceptance period. */
export function AwardRulesFields(props: SectionProps) {
  const { t, language } = usePage();
  const { form, errors } = props;
  return (
    <fieldset class="setup-section" disabled={props.readOnly}>
      <legend>{t.t('managerCompetitions.section.award')}</legend>
      <h2>{t.t('managerCompetitions.section.tranches')}</h2>
      <p class="hint">{t.t('managerCompetitions.tranches.hint')}</p>
      {form.tranches.map((row, i) => (
        <TrancheFields row={row} index={i} errors={errors} removable={form.tranches.length > 1 && !props.readOnly} />
      ))}
      {form.tranches.length < MAX_TRANCHES && (
        <RowButton value="add-tranche" label={t.t('managerCompetitions.tranche.add')} readOnly={props.readOnly} />
      )}
      <h2 id="floors">{t.t('managerCompetitions.section.floors')}</h2>
      <p class="hint">{t.t('managerCompetitions.floors.hint')}</p>
      {form.floors.map((row, i) => (
        <fieldset class="criterion-row">
          <legend>{t.t('managerCompetitions.floor', { number: i + 1 })}</legend>
          <div class="field-row">
            <Select
              name={`floor-${i}-district`}
              label={t.t('managerCompetitions.floor.district')}
              value={row.district}
              placeholder={t.t('managerCompetitions.choose')}
              options={props.places.districts.map((d) => ({ value: d.id, label: contentText(d.name, language) }))}
              errors={errors}
            />
            <TextField
              name={`floor-${i}-grants`}
              label={t.t('managerCompetitions.floor.grants')}
              value={row.grants}
              inputMode="numeric"
              maxLength={4}
              errors={errors}
            />
          </div>
          <RowButton
            value={`remove-floor-${i}`}
            label={t.t('managerCompetitions.floor.remove', { number: i + 1 })}
            readOnly={props.readOnly}
          />
        </fieldset>
      ))}
      {form.floors.length < MAX_FLOORS && (
        <RowButton value="add-floor" label={t.t('managerCompetitions.floor.add')} readOnly={props.readOnly} />
      )}
      <div class="field-row">
        <TextField
          name="partialMinShare"
          label={t.t('managerCompetitions.field.partial')}
          hint={t.t('managerCompetitions.field.partialHint')}
          value={form.partialMinShare}
          inputMode="decimal"
          maxLength={8}
          errors={errors}
        />
        <TextField
          name="acceptanceDays"
          label={t.t('managerCompetitions.field.acceptanceDays')}
          value={form.acceptanceDays}
          inputMode="numeric"
          maxLength={3}
          errors={errors}
        />
      </div>
    </fieldset>
  );
}

function TrancheFields(props: { row: TrancheRow; index: number; errors: FieldError[]; removable: boolean }) {
  const { t } = usePage();
  const { row, index: i, errors } = props;
  const release = errors.find((e) => e.field === `tranche-${i}-release`);
  return (
    <fieldset class="criterion-row">
      <legend>{t.t('managerCompetitions.tranche', { number: i + 1 })}</legend>
      <div class="title-fields">
        {TEXT_LANGUAGES.map((l) => (
          <TextField
            name={`tranche-${i}-${l}`}
            label={t.t('managerCompetitions.tranche.label', { language: t.t(LANGUAGE_LABEL[l]) })}
            value={row.label[l]}
            maxLength={100}
            errors={errors}
          />
        ))}
      </div>
      <div class="field-row">
        <TextField
          name={`tranche-${i}-share`}
          label={t.t('managerCompetitions.tranche.share')}
          value={row.share}
          inputMode="decimal"
          maxLength={8}
          errors={errors}
        />
        <TextField
          name={`tranche-${i}-due`}
          label={t.t('managerCompetitions.tranche.due')}
          hint={t.t('managerCompetitions.tranche.dueHint')}
          value={row.due}
          inputMode="numeric"
          maxLength={4}
          errors={errors}
        />
      </div>
      <fieldset
        class={hasError(errors, `tranche-${i}-release`) ? 'form-group has-error' : 'form-group'}
        id={`tranche-${i}-release`}
      >
        <legend>{t.t('managerCompetitions.tranche.release')}</legend>
        {release && <span class="field-error">{t.t(release.message, release.params)}</span>}
        {(['signing', 'report'] as const).map((kind) => (
          <div class="choice">
            <input
              type="radio"
              name={`tranche-${i}-release`}
              id={`tranche-${i}-release-${kind}`}
              value={kind}
              checked={row.release === kind}
            />
            <label for={`tranche-${i}-release-${kind}`}>{t.t(`managerCompetitions.tranche.${kind}`)}</label>
          </div>
        ))}
      </fieldset>
      {props.removable && (
        <button class="button secondary" type="submit" name="action" value={`remove-tranche-${i}`}>
          {t.t('managerCompetitions.tranche.remove', { number: i + 1 })}
        </button>
      )}
    </fieldset>
  );
}
