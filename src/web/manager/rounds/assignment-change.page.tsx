import { usePage } from '../../render/page-context';
import { CsrfField, FieldError, Select } from '../../ui/form';
import { AssignmentView, Refusal } from './rounds-types';
import { RoundsFrame, scoresheetWord } from './rounds-ui';

export const ADD_ASSIGNMENT_FIELDS = ['applicationId', 'jurorId'] as const;
export const CHANGE_ASSIGNMENT_FIELDS = ['jurorId', 'reason'] as const;

interface Frame {
  round: { id: string; name: string };
  item: AssignmentView;
  /** Confirmed panel members not yet on the application: the ones a manager may choose. */
  jurors: { id: string; name: string }[];
  errors: FieldError[];
  refusal?: Refusal | null;
}

/** One juror of one application: give the assignment to another juror, or remove it; each with a reason. */
export function AssignmentChangePage(props: Frame & { assignment: AssignmentView['assignments'][number] }) {
  const { t } = usePage();
  const a = props.assignment;
  return (
    <RoundsFrame
      title={t.t('managerRounds.assign.changeTitle', { reference: props.item.reference, name: a.jurorName })}
      back={{ href: `/manage/rounds/${props.round.id}/assignments`, label: t.t('managerRounds.back.assignments') }}
      errors={props.errors}
      refusal={props.refusal}
    >
      <p>
        {props.item.title} · {a.jurorName} ·{' '}
        {a.scoresheet ? scoresheetWord(t, a.scoresheet) : t.t('managerRounds.sheet.none')}
      </p>
      <h2>{t.t('managerRounds.assign.swap')}</h2>
      <form method="post" action={`/manage/assignments/${a.id}/swap`} novalidate>
        <CsrfField />
        <Select
          name="jurorId"
          label={t.t('managerRounds.assign.swapTo')}
          placeholder={t.t('managerRounds.field.choose')}
          options={props.jurors.map((j) => ({ value: j.id, label: j.name }))}
          errors={props.errors}
        />
        <ReasonField id={`swap-reason-${a.id}`} errors={props.errors} />
        <button class="button secondary" type="submit">
          {t.t('managerRounds.assign.swap')}
        </button>
      </form>
      <h2>{t.t('managerRounds.assign.remove')}</h2>
      <form method="post" action={`/manage/assignments/${a.id}/remove`} novalidate>
        <CsrfField />
        <ReasonField id={`remove-reason-${a.id}`} errors={props.errors} />
        <button class="button warning" type="submit">
          {t.t('managerRounds.assign.remove')}
        </button>
      </form>
    </RoundsFrame>
  );
}

/** Assign a juror to one application by hand. */
export function AssignmentAddPage(props: Frame) {
  const { t } = usePage();
  return (
    <RoundsFrame
      title={t.t('managerRounds.assign.addTo', { reference: props.item.reference })}
      back={{ href: `/manage/rounds/${props.round.id}/assignments`, label: t.t('managerRounds.back.assignments') }}
      errors={props.errors}
      refusal={props.refusal}
    >
      <p>{props.item.title}</p>
      <form method="post" action={`/manage/rounds/${props.round.id}/assignments`} novalidate>
        <CsrfField />
        <input type="hidden" name="applicationId" value={props.item.applicationId} />
        <Select
          name="jurorId"
          label={t.t('managerRounds.assign.juror')}
          placeholder={t.t('managerRounds.field.choose')}
          options={props.jurors.map((j) => ({ value: j.id, label: j.name }))}
          errors={props.errors}
        />
        <button class="button" type="submit">
          {t.t('managerRounds.assign.addButton')}
        </button>
      </form>
    </RoundsFrame>
  );
}

/** The reason a swap or removal needs (kept in the audit log); ids unique per assignment. */
function ReasonField(props: { id: string; errors: FieldError[] }) {
  const { t } = usePage();
  const error = props.errors.find((e) => e.field === props.id);
  return (
    <div class={error ? 'form-group has-error' : 'form-group'}>
      <label for={props.id}>{t.t('managerRounds.assign.reason')}</label>
      {error && (
        <span class="field-error" id={`${props.id}-error`}>
          {t.t(error.message, error.params)}
        </span>
      )}
      <input
        type="text"
        id={props.id}
        name="reason"
        maxLength={2000}
        aria-describedby={error ? `${props.id}-error` : undefined}
      />
    </div>
  );
}
