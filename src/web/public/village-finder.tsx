import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { Select } from '../ui/form';
import { CompetitionCards } from './competition-cards';
import { PlaceOption, VillageFinder as Finder } from './public-views';

/**
 * "What can I apply to from my village": region, then district, then village, as a GET form that
 * works without JavaScript (each choice is sent with the button and the next list appears). With
 * htmx a choice reloads just this section in place.
 */
export function VillageFinder(props: { finder: Finder; now: Date }) {
  const { t, language } = usePage();
  const { finder } = props;
  const options = (places: PlaceOption[]) => places.map((p) => ({ value: p.id, label: contentText(p.name, language) }));
  const step = !finder.regionId ? 'region' : !finder.districtId ? 'district' : 'village';
  return (
    <section id="village-finder" aria-labelledby="village-finder-heading">
      <h2 id="village-finder-heading">{t.t('public.finder.title')}</h2>
      <p>{t.t('public.finder.lead')}</p>
      <form
        method="get"
        action="/#village-finder"
        hx-get="/"
        hx-trigger="change"
        hx-select="#village-finder"
        hx-target="#village-finder"
        hx-swap="outerHTML"
        hx-push-url="true"
      >
        <Select
          name="region"
          label={t.t('public.finder.region')}
          value={finder.regionId}
          options={options(finder.regions)}
          placeholder={t.t('public.finder.choose')}
        />
        {finder.regionId && (
          <Select
            name="district"
            label={t.t('public.finder.district')}
            value={finder.districtId}
            options={options(finder.districts)}
            placeholder={t.t('public.finder.choose')}
          />
        )}
        {finder.districtId && (
          <Select
            name="village"
            label={t.t('public.finder.village')}
            value={finder.villageId}
            options={options(finder.villages)}
            placeholder={t.t('public.finder.choose')}
          />
        )}
        <button type="submit" class="button secondary">
          {step === 'village' ? t.t('public.finder.show') : t.t('public.finder.next')}
        </button>
      </form>
      {finder.village && (
        <div aria-live="polite">
          <h3>{t.t('public.finder.resultTitle', { village: contentText(finder.village.name, language) })}</h3>
          {finder.village.competitions.length === 0 ? (
            <p>{t.t('public.finder.none')}</p>
          ) : (
            <CompetitionCards competitions={finder.village.competitions} now={props.now} headingLevel={4} />
          )}
          <p>
            <a href={`/villages/${finder.village.id}`}>
              {t.t('public.finder.villagePage', { village: contentText(finder.village.name, language) })}
            </a>
          </p>
        </div>
      )}
    </section>
  );
}
