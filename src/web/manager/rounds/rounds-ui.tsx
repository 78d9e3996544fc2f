import { ComponentChildren } from 'preact';
import { errorMessage } from '../../../common/i18n/error-message';
import { MessageKey } from '../../i18n/catalogue';
import { Translator } from '../../i18n/translator';
import { usePage } from '../../render/page-context';
import { ErrorSummary, FieldError } from '../../ui/form';
import { Layout } from '../../ui/layout';
import { Refusal } from './rounds-types';

/** Codes as words; a code the catalogue does not know yet shows as it is. */
function wordsFor(keys: Record<string, MessageKey>) {
  return (t: Translator, code: string): string =>
    Object.prototype.hasOwnProperty.call(keys, code) ? t.t(keys[code]) : code;
}

export const roundStatusWord = wordsFor({
  draft: 'managerRounds.status.draft',
  open: 'managerRounds.status.open',
  closed: 'managerRounds.status.closed',
  finalized: 'managerRounds.status.finalized',
});

export const runStatusWord = wordsFor({
  queued: 'managerRounds.run.queued',
  succeeded: 'managerRounds.run.succeeded',
  infeasible: 'managerRounds.run.infeasible',
});

export const runTriggerWord = wordsFor({
  manager: 'managerRounds.run.trigger.manager',
  removal: 'managerRounds.run.trigger.removal',
  recusal: 'managerRounds.run.trigger.recusal',
});

export const scoresheetWord = wordsFor({
  draft: 'managerRounds.sheet.draft',
  submitted: 'managerRounds.sheet.submitted',
  withdrawn: 'managerRounds.sheet.withdrawn',
});

export const reasonWord = wordsFor({
  advanced: 'managerRounds.reason.advanced',
  below_quorum: 'managerRounds.reason.belowQuorum',
  below_gate: 'managerRounds.reason.belowGate',
  below_line: 'managerRounds.reason.belowLine',
});

export const targetWord = wordsFor({
  applicant: 'managerRounds.target.applicant',
  application: 'managerRounds.target.application',
  village: 'managerRounds.target.village',
});

const STATUS_TONE: Record<string, string> = { draft: '', open: 'ok', closed: 'warn', finalized: 'ok' };

export function RoundStatusTag(props: { status: string }) {
  const { t } = usePage();
  return <span class={`tag ${STATUS_TONE[props.status] ?? ''}`.trim()}>{roundStatusWord(t, props.status)}</span>;
}

/** A service's refusal in the reader's language, at the top of the page (it takes focus). */
export function RefusalBox(props: { refusal?: Refusal | null }) {
  const { language } = usePage();
  if (!props.refusal) return null;
  return (
    <div class="error-summary" role="alert" tabIndex={-1} autofocus>
      <p>{errorMessage(props.refusal.code, language, props.refusal.details)}</p>
    </div>
  );
}

/** The frame of every round page: the way back, problems first, then the heading. */
export function RoundsFrame(props: {
  title: string;
  back?: { href: string; label: string };
  errors?: FieldError[];
  refusal?: Refusal | null;
  notice?: string | null;
  children: ComponentChildren;
}) {
  return (
    <Layout title={props.title}>
      {props.back && (
        <p class="back-link">
          <a href={props.back.href}>{props.back.label}</a>
        </p>
      )}
      <ErrorSummary errors={props.errors ?? []} />
      <RefusalBox refusal={props.refusal} />
      {props.notice && (
        <div class="notice success" role="status">
          <p>{props.notice}</p>
        </div>
      )}
      <h1>{props.title}</h1>
      {props.children}
    </Layout>
  );
}

/** A score 0-100 with one decimal, or a dash. */
export function scoreText(t: Translator, value: number | null): string {
  return value === null ? '—' : t.number(Math.round(value * 10) / 10);
}
