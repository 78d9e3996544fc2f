import { usePage } from '../render/page-context';
import { Layout } from '../ui/layout';
import { ChainVerification } from './observer-views';

/** The audit chain recomputed from the first event: whether it holds, or the first event where it breaks. */
export function ChainPage(props: { result: ChainVerification }) {
  const { t } = usePage();
  const { result } = props;
  const title = t.t('observer.verify.title');
  const reason = result.firstBreak?.reason;
  return (
    <Layout title={title}>
      <p>
        <a href="/oversight/audit">{t.t('observer.audit.title')}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">{t.t('observer.verify.lead')}</p>
      {result.valid ? (
        <p class="notice success" role="status">
          {t.t('observer.verify.holds', { checked: result.checked, head: result.headSeq })}
        </p>
      ) : (
        <div class="notice warning" role="status">
          <p>
            <strong>{t.t('observer.verify.broken', { seq: result.firstBreak?.seq ?? '?' })}</strong>
          </p>
          <p>
            {reason === 'hash_mismatch' && t.t('observer.verify.reason.hash_mismatch')}
            {reason === 'broken_link' && t.t('observer.verify.reason.broken_link')}
            {reason === 'sequence_gap' && t.t('observer.verify.reason.sequence_gap')}
            {reason === 'head_mismatch' && t.t('observer.verify.reason.head_mismatch')}
          </p>
          <p>{t.t('observer.verify.checked', { checked: result.checked })}</p>
        </div>
      )}
      <form method="get" action="/oversight/audit/verify">
        <button type="submit">{t.t('observer.verify.again')}</button>
      </form>
    </Layout>
  );
}
