import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { CsrfField, ErrorSummary, FieldError } from '../../ui/form';
import { Layout } from '../../ui/layout';
import { Pager } from '../../ui/pager';
import { TableScroll } from '../../ui/table-scroll';
import { errorsOf, PlaceFields } from './place-fields';
import { EMPTY_PLACE, PlaceForm, placeForm } from './place-forms';
import { DistrictView } from './places-views';

export interface DistrictPageProps {
  view: DistrictView;
  rename?: PlaceForm;
  village?: PlaceForm;
  errors: FieldError[];
  done?: 'saved' | 'removed';
}

/** One district: its villages fifty a page (each linked to its change form), a new village, a rename. */
export function DistrictPage(props: DistrictPageProps) {
  const { t } = usePage();
  const { view, errors } = props;
  const base = `/admin/places/districts/${view.district.id}`;
  const title = contentText(view.district.name, t.language);
  return (
    <Layout title={title}>
      <p>
        <a href="/admin/places">{t.t('adminPlaces.back')}</a>
      </p>
      {props.done && (
        <p class="notice success" role="status">
          {t.t(props.done === 'saved' ? 'adminPlaces.done.saved' : 'adminPlaces.done.removed')}
        </p>
      )}
      <ErrorSummary errors={errors} />
      <h1>{title}</h1>
      <h2>{t.t('adminPlaces.villages.title')}</h2>
      {view.total === 0 ? (
        <p>{t.t('adminPlaces.villages.none')}</p>
      ) : (
        <>
          <p>{t.t('adminPlaces.villagesCount', { count: view.total })}</p>
          <TableScroll label={t.t('adminPlaces.villages.title')}>
            <table class="admin-places">
              <thead>
                <tr>
                  <th scope="col">{t.t('adminPlaces.col.name')}</th>
                  <th scope="col">{t.t('adminPlaces.field.kato')}</th>
                  <th scope="col">{t.t('adminPlaces.col.action')}</th>
                </tr>
              </thead>
              <tbody>
                {view.villages.map((v) => (
                  <tr>
                    <th scope="row">{contentText(v.name, t.language)}</th>
                    <td>{v.katoCode ?? ''}</td>
                    <td>
                      <a href={`/admin/places/villages/${v.id}`}>
                        {t.t('adminPlaces.village.edit')}
                        <span class="visually-hidden"> {contentText(v.name, t.language)}</span>
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pager
            page={view.page}
            pages={view.pages}
            href={(n) => (n > 1 ? `${base}?page=${n}` : base)}
            label={t.t('adminPlaces.villages.pager')}
          />
        </>
      )}
      <form method="post" action={`${base}/villages`} novalidate>
        <CsrfField />
        <PlaceFields
          prefix="village-"
          form={props.village ?? EMPTY_PLACE}
          errors={errorsOf(errors, 'village-')}
          legend={t.t('adminPlaces.village.add')}
        />
        <button type="submit" class="button">
          {t.t('adminPlaces.village.submit')}
        </button>
      </form>
      <form method="post" action={base} novalidate>
        <CsrfField />
        <PlaceFields
          prefix="rename-"
          form={props.rename ?? placeForm(view.district)}
          errors={errorsOf(errors, 'rename-')}
          legend={t.t('adminPlaces.district.rename')}
        />
        <button type="submit" class="button secondary">
          {t.t('adminPlaces.rename.submit')}
        </button>
      </form>
    </Layout>
  );
}
