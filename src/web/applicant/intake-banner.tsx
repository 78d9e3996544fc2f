import { h, VNode } from 'preact';
import { usePage } from '../render/page-context';
import { withBanner } from '../ui/page-banner';
import { OwnApplication } from './applicant-views';

/** Above every step while a manager enters the application for a walk-in applicant. */
export function IntakeBanner(props: { name: string; competitionId: string }) {
  const { t } = usePage();
  return (
    <div class="intake-banner" role="note">
      <p>
        <strong>{t.t('managerIntake.banner', { name: props.name })}</strong>{' '}
        <a href={`/manage/competitions/${props.competitionId}/applications`}>{t.t('managerIntake.banner.back')}</a>
      </p>
    </div>
  );
}

/** The page as the applicant sees it, with the banner when staff enter it for them. */
export function forReader<R>(own: Pick<OwnApplication, 'onBehalfOf'>, result: R): R {
  return withBanner(result, own.onBehalfOf ? (h(IntakeBanner, own.onBehalfOf) as VNode) : null);
}
