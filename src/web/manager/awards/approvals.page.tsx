import type { ProposalAwaiting } from '../../../modules/awards/award-queue-views';
import { MessageKey } from '../../i18n/catalogue';
import { contentText } from '../../i18n/content';
import { usePage } from '../../render/page-context';
import { CsrfField, ErrorSummary, FieldError, ProblemBox } from '../../ui/form';
import { Layout } from '../../ui/layout';
import { Breadcrumbs } from './manager-awards-labels';

export type ApprovalsNotice = 'approved' | 'sentBack';
export const isApprovalsNotice = (value: unknown): value is ApprovalsNotice =>
  value === 'approved' || value === 'sentBack';

export const MAX_COMMENT = 2000;

export interface ApprovalsPageProps {
  proposals: ProposalAwaiting[];
  /** A one-time key per approve button, by award id. */
  keys: Record<string, string>;
  notice?: ApprovalsNotice;
  problemKey?: MessageKey;
  /** A send-back refused for its comment: which award, what was typed, and why. */
  comment?: { awardId: string; value: string; errors: FieldError[] };
}

export const commentField = (awardId: string) => `comment-${awardId}`;

function Proposal(props: { proposal: ProposalAwaiting } & ApprovalsPageProps) {
  const { t, language } = usePage();
  const p = props.proposal;
  const field = commentField(p.awardId);
  const typed = props.comment?.awardId === p.awardId ? props.comment : undefined;
  const error = typed?.errors[0];
  return (
    <li class="card" id={`proposal-${p.awardId}`}>
      <h2>
        <a href={`/manage/awards/${p.awardId}`}>{p.reference}</a> {p.applicationTitle}
      </h2>
      <dl class="summary-list">
        <dt>{t.t('managerAwards.approvals.competition')}</dt>
        <dd>{contentText(p.competitionTitle, language)}</dd>
        <dt>{t.t('managerAwards.approvals.amount')}</dt>
        <dd>
          <strong>{t.money(p.amount)}</strong>
        </dd>
        <dt>{t.t('managerAwards.approvals.requested')}</dt>
        <dd>{t.money(p.requested)}</dd>
        {p.rank !== null && (
          <>
            <dt>{t.t('managerAwards.approvals.rank')}</dt>
            <dd>{p.rank}</dd>
          </>
        )}
      </dl>
      <p class="muted">
        {t.t('managerAwards.approvals.proposedBy', { name: p.proposedByName, date: t.dateTime(p.proposedAt) })}
      </p>
      {p.comment && (
        <div class="notice">
          <p>{t.t('managerAwards.approvals.earlierComment')}</p>
          <p>{p.comment}</p>
        </div>
      )}
      <form method="post" action={`/manage/awards/${p.awardId}/approve`} class="ma-inline">
        <CsrfField />
        <input type="hidden" name="formKey" value={props.keys[p.awardId]} />
        <button class="button" type="submit">
          {t.t('managerAwards.approvals.approve')}
          <span class="visually-hidden">: {p.reference}</span>
        </button>
      </form>
      <form method="post" action={`/manage/awards/${p.awardId}/send-back`}>
        <CsrfField />
        <div class={error ? 'form-group has-error' : 'form-group'}>
          <label for={field}>{t.t('managerAwards.approvals.comment')}</label>
          {error && (
            <span class="field-error" id={`${field}-error`}>
              {t.t(error.message, error.params)}
            </span>
          )}
          <textarea
            id={field}
            name="comment"
            rows={3}
            maxLength={MAX_COMMENT}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={error ? `${field}-error` : undefined}
          >
            {typed?.value}
          </textarea>
        </div>
        <button class="button secondary" type="submit">
          {t.t('managerAwards.approvals.sendBack')}
          <span class="visually-hidden">: {p.reference}</span>
        </button>
      </form>
    </li>
  );
}

/** Proposals by other managers, each with approve and send back (rule 9: never one's own). */
export function ApprovalsPage(props: ApprovalsPageProps) {
  const { t } = usePage();
  const title = t.t('managerAwards.approvals.title');
  return (
    <Layout title={title}>
      <Breadcrumbs>
        {' › '}
        <a href="/manage/reports">{t.t('managerAwards.nav.reports')}</a>
      </Breadcrumbs>
      {props.notice && (
        <p class="notice success" role="status">
          {t.t(
            props.notice === 'approved'
              ? 'managerAwards.approvals.done.approved'
              : 'managerAwards.approvals.done.sentBack',
          )}
        </p>
      )}
      <ProblemBox message={props.problemKey} />
      <ErrorSummary errors={props.comment?.errors ?? []} />
      <h1>{title}</h1>
      <p class="lead">{t.t('managerAwards.approvals.lead')}</p>
      {props.proposals.length === 0 ? (
        <p>{t.t('managerAwards.approvals.none')}</p>
      ) : (
        <ul class="card-list">
          {props.proposals.map((proposal) => (
            <Proposal proposal={proposal} {...props} />
          ))}
        </ul>
      )}
    </Layout>
  );
}
