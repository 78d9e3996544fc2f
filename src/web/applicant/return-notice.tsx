import { usePage } from '../render/page-context';

/** The open return of an applicant's application, as their pages show it. */
export interface OpenReturn {
  message: string;
  answerBy: Date;
}

const DAY = 86_400_000;

/** Whole days left until `answerBy` (0 on the last day), by the server's clock the page was given. */
export const daysLeft = (answerBy: Date, now: Date): number =>
  Math.max(0, Math.ceil((answerBy.getTime() - now.getTime()) / DAY) - 1);

/**
 * A returned application, prominently: the manager's message, the date to send it again by with
 * the days left, and what happens otherwise. With `checkLink`, a link to check and send it again.
 */
export function ReturnNotice(props: {
  applicationId: string;
  reference: string | null;
  open: OpenReturn;
  now: Date;
  checkLink?: boolean;
  /** Its heading's level on the page around it (4 inside a dashboard card). */
  headingLevel?: 2 | 4;
}) {
  const { t } = usePage();
  const H = props.headingLevel === 4 ? 'h4' : 'h2';
  const titleId = `return-notice-${props.applicationId}`;
  const left = daysLeft(props.open.answerBy, props.now);
  const late = props.open.answerBy.getTime() <= props.now.getTime();
  return (
    <div class="notice return-notice" role="region" aria-labelledby={titleId}>
      <H id={titleId}>{t.t('applyReturns.notice.title')}</H>
      <p>{t.t('applyReturns.notice.from')}</p>
      <blockquote class="return-message">{props.open.message}</blockquote>
      {late ? (
        <p>
          <strong>{t.t('applyReturns.notice.tooLate')}</strong>
        </p>
      ) : (
        <>
          <p>
            <strong>
              {t.t('applyReturns.notice.answerBy', { date: t.dateTime(props.open.answerBy) })}{' '}
              {left === 0 ? t.t('applyReturns.notice.lastDay') : t.t('applyReturns.notice.daysLeft', { count: left })}
            </strong>
          </p>
          <p>{t.t('applyReturns.notice.keeps', { reference: props.reference ?? '' })}</p>
          {props.checkLink && (
            <p>
              <a class="button" href={`/applications/${props.applicationId}/check`}>
                {t.t('applyReturns.notice.check')}
              </a>
            </p>
          )}
        </>
      )}
    </div>
  );
}

/** A return that lapsed: why the application was withdrawn, in plain words. */
export function LapsedNotice(props: { answerBy: Date }) {
  const { t } = usePage();
  return (
    <div class="notice return-notice" role="region" aria-labelledby="return-lapsed-title">
      <h2 id="return-lapsed-title">{t.t('applyReturns.lapsed.title')}</h2>
      <p>{t.t('applyReturns.lapsed.text', { date: t.dateTime(props.answerBy) })}</p>
    </div>
  );
}
