import { usePage } from '../../render/page-context';
import { CsrfField, FieldError, Select } from '../../ui/form';
import { AssignmentView, Refusal, RunView } from './rounds-types';
import { RoundsFrame, scoresheetWord } from './rounds-ui';
import { RunsPanel } from './runs-panel';

export const ADD_ASSIGNMENT_FIELDS = ['applicationId', 'jurorId'] as const;
export const CHANGE_ASSIGNMENT_FIELDS = ['jurorId', 'reason'] as const;

/**
 * Who reviews what: the engine's runs (and why a run found no assignment), then each application
 * with its jurors, where a manager swaps or removes one, and adds a juror by hand.
 */
export function AssignmentsPage(props: {
  round: { id: string; name: string; status: string };
  runs: RunView[];
  items: AssignmentView[];
  jurors: { id: string; name: string }[];
  errors: FieldError[];
  refusal?: Refusal | null;
}) {
  const { t } = usePage();
  const r = props.round;
  const open = r.status === 'open';
  const jurorOptions = props.jurors.map((j) => ({ value: j.id, label: j.name }));
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
                        <details class="assignment-change" open={props.errors.some((e) => e.field.endsWith(a.id))}>
                          <summary>{t.t('managerRounds.assign.change', { name: a.jurorName })}</summary>
                          <form method="post" action={`/manage/assignments/${a.id}/swap`} novalidate>
                            <CsrfField />
                            <div class="form-group">
                              <label for={`swap-juror-${a.id}`}>{t.t('managerRounds.assign.swapTo')}</label>
                              <select id={`swap-juror-${a.id}`} name="jurorId">
                                <option value="">{t.t('managerRounds.field.choose')}</option>
                                {jurorOptions
                                  .filter((o) => o.value !== a.jurorId)
                                  .map((o) => (
                                    <option value={o.value}>{o.label}</option>
                                  ))}
                              </select>
                            </div>
                            <ReasonField id={`swap-reason-${a.id}`} />
                            <button class="button secondary" type="submit">
                              {t.t('managerRounds.assign.swap')}
                            </button>
                          </form>
                          <form method="post" action={`/manage/assignments/${a.id}/remove`} novalidate>
                            <CsrfField />
                            <ReasonField id={`remove-reason-${a.id}`} />
                            <button class="button warning" type="submit">
                              {t.t('managerRounds.assign.remove')}
                            </button>
                          </form>
                        </details>
                      )}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
      {open && props.items.length > 0 && (
        <>
          <h2>{t.t('managerRounds.assign.add')}</h2>
          <form method="post" action={`/manage/rounds/${r.id}/assignments`} novalidate>
            <CsrfField />
            <Select
              name="applicationId"
              label={t.t('managerRounds.assign.application')}
              placeholder={t.t('managerRounds.field.choose')}
              options={props.items.map((i) => ({ value: i.applicationId, label: `${i.reference} · ${i.title}` }))}
              errors={props.errors}
            />
            <Select
              name="jurorId"
              label={t.t('managerRounds.assign.juror')}
              placeholder={t.t('managerRounds.field.choose')}
              options={jurorOptions}
              errors={props.errors}
            />
            <button class="button" type="submit">
              {t.t('managerRounds.assign.addButton')}
            </button>
          </form>
        </>
      )}
    </RoundsFrame>
  );
}

/** The reason a swap or removal needs (kept in the audit log); ids unique per assignment. */
function ReasonField(props: { id: string }) {
  const { t } = usePage();
  return (
    <div class="form-group">
      <label for={props.id}>{t.t('managerRounds.assign.reason')}</label>
      <input type="text" id={props.id} name="reason" maxLength={2000} />
    </div>
  );
}
