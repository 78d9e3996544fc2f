import { ComponentChildren } from 'preact';
import { ApplicationStatus } from '../../modules/applications/domain/application-status';
import { MessageKey } from '../i18n/catalogue';
import { usePage } from '../render/page-context';
import { CsrfField, ErrorSummary, FieldError } from '../ui/form';
import { Layout } from '../ui/layout';
import { LinkedProblem } from './submission-problems';

const TAG_KIND: Record<ApplicationStatus, string> = {
  draft: 'tag warn',
  submitted: 'tag',
  returned: 'tag warn',
  eligible: 'tag',
  ineligible: 'tag bad',
  in_review: 'tag',
  shortlisted: 'tag ok',
  awarded: 'tag ok',
  not_awarded: 'tag bad',
  withdrawn: 'tag bad',
};

export function StatusTag(props: { status: ApplicationStatus }) {
  const { t } = usePage();
  return <strong class={TAG_KIND[props.status]}>{t.t(`apply.status.${props.status}` as MessageKey)}</strong>;
}

export const nextStepKey = (status: ApplicationStatus): MessageKey => `apply.next.${status}` as MessageKey;

/** Every broken rule at once, each linked to the page and field where it is put right. */
export function ProblemSummary(props: { problems: LinkedProblem[]; extra?: string[] }) {
  const { t } = usePage();
  if (props.problems.length === 0 && !props.extra?.length) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} autofocus aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">{t.t('common.errorSummary.title')}</h2>
      <ul>
        {props.extra?.map((text) => (
          <li>{text}</li>
        ))}
        {props.problems.map((problem) => (
          <li>
            <a href={problem.href}>
              {t.t(problem.message, {
                ...problem.params,
                ...Object.fromEntries(Object.entries(problem.money ?? {}).map(([k, v]) => [k, t.money(v)])),
              })}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The frame of one step of a draft: the way back to the task list, the problems, the heading. */
export function StepFrame(props: {
  title: string;
  applicationId: string;
  errors: FieldError[];
  children: ComponentChildren;
}) {
  const { t } = usePage();
  return (
    <Layout title={props.title}>
      <p class="breadcrumbs no-print">
        <a href={`/applications/${props.applicationId}`}>{t.t('applySteps.backToTasks')}</a>
      </p>
      <ErrorSummary errors={props.errors} />
      <h1>{props.title}</h1>
      {props.children}
    </Layout>
  );
}

/**
 * A step's form: it posts to its own page and works as a plain form; with JavaScript, htmx also
 * saves it after a pause in typing (the answer is a "saved at" line), and leaving the page with
 * changes not yet saved asks first.
 */
export function StepForm(props: { action: string; children: ComponentChildren; budget?: boolean }) {
  return (
    <form
      method="post"
      action={props.action}
      novalidate
      data-warn-unsaved=""
      data-budget={props.budget ? '' : undefined}
      hx-post={props.action}
      hx-trigger="input changed delay:2s"
      hx-target="#autosave-status"
      hx-swap="innerHTML"
    >
      <CsrfField />
      {props.children}
      <p id="autosave-status" class="hint" role="status" aria-live="polite"></p>
    </form>
  );
}

/** What an autosave answers: one line for the form's status area. */
export function AutosaveStatus(props: { savedAt: Date | null }) {
  const { t, language } = usePage();
  // data-not-saved keeps the warning before leaving the page (enhance.js).
  if (!props.savedAt) return <span data-not-saved="">{t.t('applySteps.autosave.notSaved')}</span>;
  const time = new Intl.DateTimeFormat(t.locale, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Asia/Almaty',
  }).format(props.savedAt);
  return <span lang={language}>{t.t('applySteps.autosave.saved', { time })}</span>;
}
