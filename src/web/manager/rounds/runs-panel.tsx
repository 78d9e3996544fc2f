import { Translator } from '../../i18n/translator';
import { usePage } from '../../render/page-context';
import { CsrfField } from '../../ui/form';
import { RunView, Shortfall } from './rounds-types';
import { runStatusWord, runTriggerWord } from './rounds-ui';

/** An infeasible run's shortfall in words, naming the applications by reference. */
function shortfallText(t: Translator, s: Shortfall): string {
  const references = (s.applications ?? []).map((a) => a.reference).join(', ');
  switch (s.reason) {
    case 'too_few_eligible_jurors':
      return t.t('managerRounds.shortfall.tooFewJurors', { references });
    case 'loads_too_small':
      return t.t('managerRounds.shortfall.loadsTooSmall');
    case 'minimum_loads_too_large':
      return t.t('managerRounds.shortfall.minimumTooLarge');
    default:
      return references
        ? t.t('managerRounds.shortfall.conflictNamed', { references })
        : t.t('managerRounds.shortfall.conflict');
  }
}

/**
 * The round's assignment runs, newest first. While one is queued the panel asks for itself again
 * every two seconds (htmx swaps it in place); without JavaScript a link reloads the page.
 */
export function RunsPanel(props: { roundId: string; open: boolean; runs: RunView[] }) {
  const { t } = usePage();
  const pending = props.runs.some((r) => r.status === 'queued');
  const polling = pending
    ? { 'hx-get': `/manage/rounds/${props.roundId}/runs`, 'hx-trigger': 'every 2s', 'hx-swap': 'outerHTML' }
    : {};
  return (
    <section id="runs" class="runs" aria-labelledby="runs-heading" aria-live="polite" {...polling}>
      <h2 id="runs-heading">{t.t('managerRounds.runs.title')}</h2>
      {props.open && (
        <form method="post" action={`/manage/rounds/${props.roundId}/assignment-runs`} class="inline-form">
          <CsrfField />
          <button class="button" type="submit">
            {t.t('managerRounds.runs.start')}
          </button>
        </form>
      )}
      {pending && (
        <p class="notice">
          {t.t('managerRounds.runs.pending')}{' '}
          <a href={`/manage/rounds/${props.roundId}/assignments`}>{t.t('managerRounds.refresh')}</a>
        </p>
      )}
      {props.runs.length === 0 ? (
        <p>{t.t('managerRounds.runs.none')}</p>
      ) : (
        <ol class="run-list" reversed>
          {props.runs.map((run) => (
            <li class={`run run-${run.status}`}>
              <p>
                <strong>{runStatusWord(t, run.status)}</strong> · {runTriggerWord(t, run.trigger)} ·{' '}
                <time dateTime={run.createdAt.toISOString()}>{t.dateTime(run.createdAt)}</time>
                {run.status === 'succeeded' && ` · ${t.t('managerRounds.runs.assigned', { count: run.assigned })}`}
              </p>
              {run.status === 'infeasible' && (
                <ul>
                  {(run.details.explanation ?? []).map((s) => (
                    <li>{shortfallText(t, s)}</li>
                  ))}
                </ul>
              )}
              {(run.details.notAssignable ?? []).length > 0 && (
                <p class="muted">
                  {t.t('managerRounds.runs.notAssignable', {
                    names: (run.details.notAssignable ?? []).map((j) => j.fullName).join(', '),
                  })}
                </p>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
