import { MessageKey } from '../../i18n/catalogue';
import { Competition } from '../../../modules/competitions/entities/competition.entity';
import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { RoundSection } from '../../public/competition-rounds';
import { RoundView } from '../../public/public-views';
import { CsrfField, FieldError } from '../../ui/form';
import { TableScroll } from '../../ui/table-scroll';
import { JurorProgress, Refusal } from './rounds-types';
import { RoundsFrame, RoundStatusTag } from './rounds-ui';

const DONE_KEYS: Record<string, MessageKey> = {
  opened: 'managerRounds.done.opened',
  closed: 'managerRounds.done.closed',
  finalizing: 'managerRounds.done.finalizing',
  reminded: 'managerRounds.done.reminded',
  nothingToRemind: 'managerRounds.done.nothingToRemind',
};

export interface RoundSummary {
  id: string;
  competitionId: string;
  name: string;
  status: string;
  finalizing: boolean;
  deadline: Date;
}

/**
 * One round: where it stands, what a manager can do next (edit the method and open while a
 * draft, assign and follow progress while open, close, finalize, read the results), and the
 * method as it is published.
 */
export function RoundPage(props: {
  round: RoundSummary;
  competition: Competition;
  preview: RoundView;
  progress: JurorProgress[];
  refusal?: Refusal | null;
  errors?: FieldError[];
  done?: string | null;
}) {
  const { t, language } = usePage();
  const r = props.round;
  const errors = props.errors ?? [];
  return (
    <RoundsFrame
      title={r.name}
      back={{ href: `/manage/competitions/${r.competitionId}/rounds`, label: t.t('managerRounds.back.rounds') }}
      refusal={props.refusal}
      errors={errors}
      notice={props.done ? t.t(DONE_KEYS[props.done] ?? 'managerRounds.done.opened') : null}
    >
      <p class="lead">
        {contentText(props.competition.title, language)} · <RoundStatusTag status={r.status} />
        {r.finalizing && ` ${t.t('managerRounds.round.finalizing')}`}
      </p>
      <nav aria-label={t.t('managerRounds.round.sections')}>
        <ul class="round-links">
          {r.status === 'draft' && (
            <li>
              <a href={`/manage/rounds/${r.id}/method`}>{t.t('managerRounds.round.editMethod')}</a>
            </li>
          )}
          <li>
            <a href={`/manage/competitions/${r.competitionId}/jurors`}>{t.t('managerRounds.round.panel')}</a>
          </li>
          {r.status !== 'draft' && (
            <li>
              <a href={`/manage/rounds/${r.id}/assignments`}>{t.t('managerRounds.round.assignments')}</a>
            </li>
          )}
          {r.status === 'finalized' && (
            <li>
              <a href={`/manage/rounds/${r.id}/results`}>{t.t('managerRounds.round.results')}</a>
            </li>
          )}
        </ul>
      </nav>
      <RoundActions round={r} errors={errors} />
      {r.status !== 'draft' && <ProgressTable roundId={r.id} open={r.status === 'open'} progress={props.progress} />}
      <h2>{t.t('managerRounds.round.preview')}</h2>
      <p class="hint">{t.t('managerRounds.round.previewHint')}</p>
      <div class="method-preview">
        <RoundSection round={props.preview} />
      </div>
    </RoundsFrame>
  );
}

/** The next step of the round's lifecycle; closing and finalizing ask to be confirmed first. */
function RoundActions(props: { round: RoundSummary; errors: FieldError[] }) {
  const { t } = usePage();
  const r = props.round;
  const confirmError = props.errors.find((e) => e.field === 'confirm');
  const confirmed = (action: 'close' | 'finalize', text: string, button: string) => (
    <form method="post" action={`/manage/rounds/${r.id}/${action}`} class="round-action" novalidate>
      <CsrfField />
      <div class={confirmError ? 'choice has-error' : 'choice'}>
        <input
          type="checkbox"
          id="confirm"
          name="confirm"
          value="yes"
          aria-invalid={confirmError ? 'true' : undefined}
        />
        <label for="confirm">{text}</label>
      </div>
      {confirmError && <p class="field-error">{t.t(confirmError.message)}</p>}
      <button class="button warning" type="submit">
        {button}
      </button>
    </form>
  );
  switch (r.status) {
    case 'draft':
      return (
        <form method="post" action={`/manage/rounds/${r.id}/open`} class="round-action">
          <CsrfField />
          <p>{t.t('managerRounds.round.openLead')}</p>
          <button class="button" type="submit">
            {t.t('managerRounds.round.open')}
          </button>
        </form>
      );
    case 'open':
      return confirmed('close', t.t('managerRounds.round.closeConfirm'), t.t('managerRounds.round.close'));
    case 'closed':
      return r.finalizing ? (
        <p class="notice">
          {t.t('managerRounds.round.finalizingLead')}{' '}
          <a href={`/manage/rounds/${r.id}`}>{t.t('managerRounds.refresh')}</a>
        </p>
      ) : (
        confirmed('finalize', t.t('managerRounds.round.finalizeConfirm'), t.t('managerRounds.round.finalize'))
      );
    default:
      return null;
  }
}

/** Per juror: assigned, drafts, submitted; while open, a reminder to one juror at a time. */
function ProgressTable(props: { roundId: string; open: boolean; progress: JurorProgress[] }) {
  const { t } = usePage();
  const caption = t.t('managerRounds.progress.title');
  return (
    <section aria-labelledby="progress">
      <h2 id="progress">{caption}</h2>
      {props.progress.length === 0 ? (
        <p>{t.t('managerRounds.progress.none')}</p>
      ) : (
        <TableScroll label={caption}>
          <table>
            <caption class="visually-hidden">{caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t.t('managerRounds.progress.juror')}</th>
                <th scope="col" class="num">
                  {t.t('managerRounds.progress.assigned')}
                </th>
                <th scope="col" class="num">
                  {t.t('managerRounds.progress.drafts')}
                </th>
                <th scope="col" class="num">
                  {t.t('managerRounds.progress.submitted')}
                </th>
                {props.open && <th scope="col">{t.t('managerRounds.progress.remind')}</th>}
              </tr>
            </thead>
            <tbody>
              {props.progress.map((j) => (
                <tr>
                  <th scope="row">{j.fullName}</th>
                  <td class="num">{j.assigned}</td>
                  <td class="num">{j.drafts}</td>
                  <td class="num">{j.submitted}</td>
                  {props.open && (
                    <td>
                      {j.submitted < j.assigned && (
                        <form method="post" action={`/manage/rounds/${props.roundId}/reminders`} class="inline-form">
                          <CsrfField />
                          <input type="hidden" name="jurorId" value={j.jurorId} />
                          <button class="button secondary" type="submit">
                            {t.t('managerRounds.progress.remindButton', { name: j.fullName })}
                          </button>
                        </form>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
