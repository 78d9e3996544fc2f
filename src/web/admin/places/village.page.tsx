import { MessageKey } from '../../i18n/catalogue';
import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { CsrfField, ErrorSummary, FieldError, ProblemBox } from '../../ui/form';
import { Layout } from '../../ui/layout';
import { errorsOf, PlaceFields } from './place-fields';
import { PlaceForm, placeForm } from './place-forms';
import { PlaceRow } from './places-views';

export interface VillagePageProps {
  village: PlaceRow & { districtId: string };
  form?: PlaceForm;
  errors: FieldError[];
  problem?: MessageKey;
  saved?: boolean;
}

/** One village: rename it or set its KATO code; remove it, confirmed by a tick. */
export function VillagePage(props: VillagePageProps) {
  const { t } = usePage();
  const { village, errors } = props;
  const base = `/admin/places/villages/${village.id}`;
  const title = contentText(village.name, t.language);
  const confirmError = errors.find((e) => e.field === 'confirm');
  return (
    <Layout title={title}>
      <p>
        <a href={`/admin/places/districts/${village.districtId}`}>{t.t('adminPlaces.backDistrict')}</a>
      </p>
      {props.saved && (
        <p class="notice success" role="status">
          {t.t('adminPlaces.done.saved')}
        </p>
      )}
      <ProblemBox message={props.problem} />
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <form method="post" action={base} novalidate>
        <CsrfField />
        <PlaceFields
          prefix=""
          form={props.form ?? placeForm(village)}
          errors={errorsOf(errors, '').filter((e) => e.field !== 'confirm')}
          legend={t.t('adminPlaces.village.rename')}
        />
        <button type="submit" class="button">
          {t.t('adminPlaces.rename.submit')}
        </button>
      </form>
      <form method="post" action={`${base}/delete`} novalidate>
        <CsrfField />
        <h2>{t.t('adminPlaces.village.remove')}</h2>
        <p>{t.t('adminPlaces.village.removeLead')}</p>
        <div class={confirmError ? 'form-group has-error' : 'form-group'}>
          {confirmError && (
            <span class="field-error" id="confirm-error">
              {t.t(confirmError.message)}
            </span>
          )}
          <div class="choice">
            <input
              type="checkbox"
              id="confirm"
              name="confirm"
              value="yes"
              aria-invalid={confirmError ? 'true' : undefined}
              aria-describedby={confirmError ? 'confirm-error' : undefined}
            />
            <label for="confirm">{t.t('adminPlaces.village.confirm')}</label>
          </div>
        </div>
        <button type="submit" class="button secondary">
          {t.t('adminPlaces.village.removeSubmit')}
        </button>
      </form>
    </Layout>
  );
}
