import { usePage } from '../../render/page-context';
import { FieldError } from '../../ui/form';
import { Pager } from '../../ui/pager';
import { AssignmentView, Refusal, RunView } from './rounds-types';
import { RoundsFrame, scoresheetWord } from './rounds-ui';
import { RunsPanel } from './runs-panel';

/**
 * Who reviews what: the engine's runs (and why a run found no assignment), then a page of the
 * round's applications with their jurors. Changing one juror or adding one has a page of its own
 * (assignment-change.page.tsx), so this list stays light at any size of panel or round.
 */
export function AssignmentsPage(props: {
  round: { id: string; name: string; status: string };
  runs: RunView[];
  items: AssignmentView[];
  page: number;
  pages: number;
  errors: FieldError[];
  refusal?: Refusal | null;
}) {
  const { t } = usePage();
  const r = props.round;
  const open = r.status === 'open';
  const caption = t.t('managerRounds.assign.caption');
  return (
    <RoundsFrame
      title={t.t('managerRounds.assign.title', { round: r.name })}
      back={{ href: `/manage/rounds/${r.id}`, label: t.t('managerRounds.back.round') }}
      errors={props.errors}
      refusal={props.refusal}
    >
      <RunsPanel roundId={r.id} open={open} runs={props.runs} />
      <h2>{caption}</h2>
      {props.items.length === 0 ? (
        <p>{t.t('managerRounds.assign.none')}</p>
      ) : (
        <ul class="assignment-list">
          {props.items.map((item) => (
            <li>
              <h3>
                {item.reference} · {item.title}
              </h3>
              {item.assignments.length === 0 ? (
                <p class="muted">{t.t('managerRounds.assign.noJurors')}</p>
              ) : (
                <ul class="plain-list">
                  {item.assignments.map((a) => (
                    <li>
                      {a.jurorName} · {a.scoresheet ? scoresheetWord(t, a.scoresheet) : t.t('managerRounds.sheet.none')}
                      {open && (
                        <>
                          {' · '}
                          <a href={`/manage/assignments/${a.id}`}>
                            {t.t('managerRounds.assign.change', { name: a.jurorName })}
                          </a>
                        </>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              {open && (
                <p>
                  <a href={`/manage/rounds/${r.id}/assignments/add?application=${item.applicationId}`}>
                    {t.t('managerRounds.assign.addTo', { reference: item.reference })}
                  </a>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pager
        page={props.page}
        pages={props.pages}
        label={t.t('managerRounds.assign.pager')}
        href={(n) => `/manage/rounds/${r.id}/assignments${n > 1 ? `?page=${n}` : ''}`}
      />
    </RoundsFrame>
  );
}
