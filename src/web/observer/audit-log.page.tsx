import { usePage } from '../render/page-context';
import { ErrorSummary, FieldError, TextField } from '../ui/form';
import { Layout } from '../ui/layout';
import { TableScroll } from '../ui/table-scroll';
import { AuditFilterValues, auditQuery } from './audit-filter';
import { AuditRow } from './observer-views';

/** Actions said in words; any other shows its code, which the API documents. */
export const WORDED_ACTIONS = [
  'user.registered',
  'competition.created',
  'competition.opened',
  'competition.closed',
  'competition.finalized',
  'application.submitted',
  'application.withdrawn',
  'application.screened',
  'conflict.declared',
  'review_round.opened',
  'review_round.closed',
  'review_round.finalized',
  'scoresheet.submitted',
  'award.proposed',
  'award.approved',
  'award.accepted',
  'award.cancelled',
  'payment.recorded',
  'payment.failed',
  'oversight.read',
] as const;
type WordedAction = (typeof WORDED_ACTIONS)[number];
const worded = (action: string): action is WordedAction => (WORDED_ACTIONS as readonly string[]).includes(action);

export interface AuditLogProps {
  values: AuditFilterValues;
  errors: FieldError[];
  view: { items: AuditRow[]; nextAfterSeq: string | null } | null;
  from: string | undefined;
}

/** The audit log in chain order, fifty events a page, filtered by entity or actor with a GET form. */
export function AuditLogPage(props: AuditLogProps) {
  const { t } = usePage();
  const { values, errors, view } = props;
  const title = t.t('observer.audit.title');
  return (
    <Layout title={title}>
      <ErrorSummary errors={errors} />
      <p>
        <a href="/oversight">{t.t('observer.home.title')}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{t.t('observer.audit.lead')}</p>
      <p>
        <a class="button" href="/oversight/audit/verify">
          {t.t('observer.verify.title')}
        </a>
      </p>
      <form method="get" action="/oversight/audit" class="oversight-filter">
        <TextField
          name="entityType"
          label={t.t('observer.audit.entityType')}
          hint={t.t('observer.audit.entityType.hint')}
          value={values.entityType}
          errors={errors}
          maxLength={64}
        />
        <TextField
          name="entityId"
          label={t.t('observer.audit.entityId')}
          value={values.entityId}
          errors={errors}
          maxLength={64}
        />
        <TextField
          name="actorId"
          label={t.t('observer.audit.actorId')}
          value={values.actorId}
          errors={errors}
          maxLength={36}
        />
        <button type="submit" class="button secondary">
          {t.t('observer.audit.filter')}
        </button>{' '}
        <a href="/oversight/audit">{t.t('observer.audit.clear')}</a>
      </form>
      {props.from && <p>{t.t('observer.audit.from', { seq: props.from })}</p>}
      {view && view.items.length === 0 && <p>{t.t('observer.audit.none')}</p>}
      {view && view.items.length > 0 && (
        <TableScroll label={title}>
          <table class="oversight-audit">
            <thead>
              <tr>
                <th scope="col">{t.t('observer.audit.col.seq')}</th>
                <th scope="col">{t.t('observer.audit.col.time')}</th>
                <th scope="col">{t.t('observer.audit.col.action')}</th>
                <th scope="col">{t.t('observer.audit.col.actor')}</th>
                <th scope="col">{t.t('observer.audit.col.entity')}</th>
              </tr>
            </thead>
            <tbody>
              {view.items.map((e) => (
                <tr>
                  <th scope="row">{e.seq}</th>
                  <td>{t.dateTime(e.occurredAt)}</td>
                  <td>{worded(e.action) ? t.t(`observer.action.${e.action}`) : <code>{e.action}</code>}</td>
                  <td>
                    {e.actorId ? (
                      <a href={auditQuery({ entityType: '', entityId: '', actorId: e.actorId })}>
                        <code>{e.actorId}</code>
                      </a>
                    ) : (
                      t.t('observer.audit.system')
                    )}
                  </td>
                  <td>
                    <a href={auditQuery({ entityType: e.entityType, entityId: e.entityId, actorId: '' })}>
                      {e.entityType} <code>{e.entityId}</code>
                    </a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      {view?.nextAfterSeq && (
        <nav class="pager" aria-label={t.t('observer.audit.pager')}>
          <a href={auditQuery(values, view.nextAfterSeq)} rel="next">
            {t.t('observer.audit.next')}
          </a>
        </nav>
      )}
    </Layout>
  );
}
