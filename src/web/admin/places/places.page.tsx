import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { CsrfField, ErrorSummary, FieldError, Select } from '../../ui/form';
import { Layout } from '../../ui/layout';
import { Pager } from '../../ui/pager';
import { errorsOf, PlaceFields } from './place-fields';
import { EMPTY_PLACE, PlaceForm } from './place-forms';
import { PlacesView } from './places-views';

export interface PlacesPageProps {
  view: PlacesView;
  region?: PlaceForm;
  district?: PlaceForm;
  errors: FieldError[];
  saved?: boolean;
}

/** The regions with their districts (each linked, with its villages count), and forms to add both. */
export function PlacesPage(props: PlacesPageProps) {
  const { t } = usePage();
  const { view, errors } = props;
  const name = (text: PlacesView['regions'][number]['name']) => contentText(text, t.language);
  const title = t.t('adminPlaces.title');
  return (
    <Layout title={title}>
      <p>
        <a href="/admin/users">{t.t('adminPlaces.accounts')}</a>
      </p>
      {props.saved && (
        <p class="notice success" role="status">
          {t.t('adminPlaces.done.saved')}
        </p>
      )}
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <p class="lead">{t.t('adminPlaces.lead')}</p>
      {view.total === 0 ? (
        <p>{t.t('adminPlaces.none')}</p>
      ) : (
        <>
          {view.regions.map((region) => (
            <section class="place-region" aria-labelledby={`region-${region.id}`}>
              <h2 id={`region-${region.id}`}>
                {name(region.name)}
                {region.katoCode && <span class="hint"> ({region.katoCode})</span>}
              </h2>
              {region.districts.length === 0 ? (
                <p>{t.t('adminPlaces.noDistricts')}</p>
              ) : (
                <ul>
                  {region.districts.map((d) => (
                    <li>
                      <a href={`/admin/places/districts/${d.id}`}>{name(d.name)}</a>{' '}
                      {t.t('adminPlaces.villagesCount', { count: d.villages })}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
          <Pager
            page={view.page}
            pages={view.pages}
            href={(n) => (n > 1 ? `/admin/places?page=${n}` : '/admin/places')}
            label={t.t('adminPlaces.pager')}
          />
        </>
      )}
      <form method="post" action="/admin/places/regions" novalidate>
        <CsrfField />
        <PlaceFields
          prefix="region-"
          form={props.region ?? EMPTY_PLACE}
          errors={errorsOf(errors, 'region-')}
          legend={t.t('adminPlaces.region.add')}
        />
        <button type="submit" class="button">
          {t.t('adminPlaces.region.submit')}
        </button>
      </form>
      {view.regions.length > 0 && (
        <form method="post" action="/admin/places/districts" novalidate>
          <CsrfField />
          <Select
            name="district-regionId"
            label={t.t('adminPlaces.field.region')}
            value={props.district?.regionId ?? ''}
            options={view.regions.map((r) => ({ value: r.id, label: name(r.name) }))}
            placeholder={t.t('adminPlaces.field.regionPick')}
            errors={errorsOf(errors, 'district-')}
          />
          <PlaceFields
            prefix="district-"
            form={props.district ?? EMPTY_PLACE}
            errors={errorsOf(errors, 'district-')}
            legend={t.t('adminPlaces.district.add')}
          />
          <button type="submit" class="button">
            {t.t('adminPlaces.district.submit')}
          </button>
        </form>
      )}
    </Layout>
  );
}
