import { usePage } from '../../render/page-context';
import { FieldError, TextField } from '../../ui/form';
import { fieldName, NAME_MAX, PlaceForm } from './place-forms';

/** A place's names in Kazakh, Russian and English and its KATO code, in one fieldset. */
export function PlaceFields(props: { prefix: string; form: PlaceForm; errors: FieldError[]; legend: string }) {
  const { t } = usePage();
  const { prefix, form, errors } = props;
  return (
    <fieldset class="place-fields">
      <legend>{props.legend}</legend>
      <p class="hint">{t.t('adminPlaces.field.namesHint')}</p>
      <TextField
        name={fieldName(prefix, 'kk')}
        label={t.t('adminPlaces.field.kk')}
        value={form.kk}
        maxLength={NAME_MAX}
        errors={errors}
      />
      <TextField
        name={fieldName(prefix, 'ru')}
        label={t.t('adminPlaces.field.ru')}
        value={form.ru}
        maxLength={NAME_MAX}
        errors={errors}
      />
      <TextField
        name={fieldName(prefix, 'en')}
        label={t.t('adminPlaces.field.en')}
        value={form.en}
        maxLength={NAME_MAX}
        errors={errors}
      />
      <TextField
        name={fieldName(prefix, 'katoCode')}
        label={t.t('adminPlaces.field.kato')}
        hint={t.t('adminPlaces.field.katoHint')}
        value={form.katoCode}
        inputMode="numeric"
        maxLength={9}
        errors={errors}
      />
    </fieldset>
  );
}

/** Only the errors of one form, so the others on the page stay clean. */
export const errorsOf = (errors: FieldError[], prefix: string) => errors.filter((e) => e.field.startsWith(prefix));
