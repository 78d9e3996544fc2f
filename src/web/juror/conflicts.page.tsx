import { CONFLICT_KINDS } from '../../modules/reviews/domain/jury/conflicts';
import { MessageKey } from '../i18n/catalogue';
import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { CsrfField, describedBy, ErrorSummary, FieldError, FieldFrame, TextArea } from '../ui/form';
import { Layout } from '../ui/layout';
import { TableScroll } from '../ui/table-scroll';
import { APPLICANTS_PER_PAGE, ConflictsView, Declaration } from './juror-views';
import { JurorNotice, Notice } from './juror-ui';

export interface DeclareForm {
  target: string;
  kind: string;
  note: string;
}

const TARGET_KEY: Record<Declaration['target'], MessageKey> = {
  applicant: 'juror.conflicts.target.applicant',
  application: 'juror.conflicts.target.application',
  village: 'juror.conflicts.target.village',
};

function DeclarationList(props: { view: ConflictsView }) {
  const { t, language } = usePage();
  const { view } = props;
  if (view.declarations.length === 0) return <p>{t.t('juror.conflicts.noneDeclared')}</p>;
  return (
    <ul class="card-list">
      {view.declarations.map((d) => {
        const name =
          d.target === 'applicant'
            ? (d.applicantName ?? '')
            : d.target === 'application'
              ? (d.applicationTitle ?? '')
              : contentText(d.villageName, language);
        return (
          <li class="card">
            <p>
              <strong>{t.t(TARGET_KEY[d.target], { name })}</strong>
              <br />
              {t.t(`juror.conflicts.kind.${d.kind}` as MessageKey)}
              {d.note && <> · {d.note}</>}
            </p>
            {!view.confirmedAt && (
              <form
                method="post"
                action={`/reviews/competitions/${view.competitionId}/conflicts/${d.id}/remove`}
                class="inline-form"
              >
                <CsrfField />
                <button class="button secondary" type="submit">
                  {t.t('juror.conflicts.remove')}
                  <span class="visually-hidden"> {name}</span>
                </button>
              </form>
            )}
          </li>
        );
      })}
    </ul>
  );
}

function ApplicantTable(props: { view: ConflictsView }) {
  const { t, language } = usePage();
  const { view } = props;
  if (view.applicantsTotal === 0) return <p>{t.t('juror.conflicts.noApplicants')}</p>;
  const base = `/reviews/competitions/${view.competitionId}/conflicts`;
  const next = view.offset + APPLICANTS_PER_PAGE;
  return (
    <>
      <TableScroll label={t.t('juror.conflicts.applicants')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.t('juror.conflicts.name')}</th>
              <th scope="col">{t.t('juror.conflicts.village')}</th>
            </tr>
          </thead>
          <tbody>
            {view.applicants.map((a) => (
              <tr>
                <td>{a.fullName}</td>
                <td>{a.villages.map((v) => contentText(v.name, language)).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {view.applicantsTotal > APPLICANTS_PER_PAGE && (
        <p class="pager">
          {t.t('juror.conflicts.shown', {
            from: view.offset + 1,
            to: Math.min(next, view.applicantsTotal),
            count: view.applicantsTotal,
          })}{' '}
          {view.offset > 0 && (
            <a href={`${base}?from=${Math.max(0, view.offset - APPLICANTS_PER_PAGE)}`}>{t.t('juror.pager.previous')}</a>
          )}{' '}
          {next < view.applicantsTotal && <a href={`${base}?from=${next}`}>{t.t('juror.pager.next')}</a>}
        </p>
      )}
    </>
  );
}

/** The villages of the applicants listed, once each, by name. */
function villagesOf(view: ConflictsView, language: 'kk' | 'ru' | 'en') {
  const byId = new Map<string, string>();
  for (const a of view.applicants) for (const v of a.villages) byId.set(v.id, contentText(v.name, language));
  return [...byId].sort((a, b) => a[1].localeCompare(b[1]));
}

function DeclareFormSection(props: { view: ConflictsView; form: DeclareForm; errors: FieldError[] }) {
  const { t, language } = usePage();
  const { view, form, errors } = props;
  const targetField = { name: 'target', label: t.t('juror.conflicts.form.target'), errors };
  const kindError = errors.find((e) => e.field === 'kind-family');
  return (
    <section aria-labelledby="declare-title">
      <h2 id="declare-title">{t.t('juror.conflicts.form.title')}</h2>
      <p>{t.t(view.confirmedAt ? 'juror.conflicts.form.later' : 'juror.conflicts.form.lead')}</p>
      <form method="post" action={`/reviews/competitions/${view.competitionId}/conflicts`} novalidate>
        <CsrfField />
        <FieldFrame {...targetField}>
          <select
            id="target"
            name="target"
            aria-invalid={errors.some((e) => e.field === 'target') ? 'true' : undefined}
            aria-describedby={describedBy(targetField)}
          >
            <option value="">{t.t('juror.conflicts.form.choose')}</option>
            <optgroup label={t.t('juror.conflicts.applicants')}>
              {view.applicants.map((a) => (
                <option value={`applicant:${a.applicantId}`} selected={form.target === `applicant:${a.applicantId}`}>
                  {a.fullName}
                </option>
              ))}
            </optgroup>
            {view.assignments.length > 0 && (
              <optgroup label={t.t('juror.conflicts.form.myApplications')}>
                {view.assignments.map((a) => (
                  <option value={`assignment:${a.id}`} selected={form.target === `assignment:${a.id}`}>
                    {a.title}
                  </option>
                ))}
              </optgroup>
            )}
            <optgroup label={t.t('juror.conflicts.form.villages')}>
              {villagesOf(view, language).map(([id, name]) => (
                <option value={`village:${id}`} selected={form.target === `village:${id}`}>
                  {name}
                </option>
              ))}
            </optgroup>
          </select>
        </FieldFrame>
        <div class={kindError ? 'form-group has-error' : 'form-group'}>
          <fieldset aria-describedby={kindError ? 'kind-error' : undefined}>
            <legend>{t.t('juror.conflicts.form.kind')}</legend>
            {kindError && (
              <span class="field-error" id="kind-error">
                {t.t(kindError.message)}
              </span>
            )}
            {CONFLICT_KINDS.map((kind) => (
              <div class="choice">
                <input type="radio" id={`kind-${kind}`} name="kind" value={kind} checked={form.kind === kind} />
                <label for={`kind-${kind}`}>{t.t(`juror.conflicts.kind.${kind}`)}</label>
              </div>
            ))}
          </fieldset>
        </div>
        <TextArea
          name="note"
          label={t.t('juror.conflicts.form.note')}
          hint={t.t('juror.conflicts.form.noteHint')}
          value={form.note}
          maxLength={2000}
          rows={3}
          errors={errors}
        />
        <button class="button" type="submit">
          {t.t('juror.conflicts.form.submit')}
        </button>
      </form>
    </section>
  );
}

/**
 * Conflicts first: who applied (names and villages only), my declarations, a form to declare one,
 * and the confirmation that opens the workspace. After confirming, a conflict found later can
 * still be declared (it recuses me from what it touches); removing one no longer can.
 */
export function ConflictsPage(props: {
  view: ConflictsView;
  form: DeclareForm;
  errors: FieldError[];
  notice?: JurorNotice;
}) {
  const { t, language } = usePage();
  const { view } = props;
  return (
    <Layout title={t.t('juror.conflicts.title')}>
      <nav class="breadcrumbs" aria-label={t.t('juror.breadcrumbs')}>
        <a href="/reviews">{t.t('juror.dashboard.title')}</a>
      </nav>
      <ErrorSummary errors={props.errors} />
      <Notice notice={props.notice} />
      <span class="hint">{contentText(view.title, language)}</span>
      <h1>{t.t('juror.conflicts.title')}</h1>
      <p class="lead">{t.t('juror.conflicts.lead')}</p>
      <h2>{t.t('juror.conflicts.applicants')}</h2>
      <ApplicantTable view={view} />
      <h2>{t.t('juror.conflicts.declared')}</h2>
      <DeclarationList view={view} />
      <DeclareFormSection view={view} form={props.form} errors={props.errors} />
      <section aria-labelledby="confirm-title">
        <h2 id="confirm-title">{t.t('juror.conflicts.confirm.title')}</h2>
        {view.confirmedAt ? (
          <p>{t.t('juror.conflicts.confirmedOn', { date: t.dateTime(view.confirmedAt) })}</p>
        ) : (
          <form method="post" action={`/reviews/competitions/${view.competitionId}/conflicts/confirm`}>
            <CsrfField />
            <p>{t.t('juror.conflicts.confirm.lead')}</p>
            <button class="button" type="submit">
              {t.t('juror.conflicts.confirm.button')}
            </button>
          </form>
        )}
      </section>
    </Layout>
  );
}
