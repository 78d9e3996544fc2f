import { Application } from '../../modules/applications/entities/application.entity';
import { usePage } from '../render/page-context';
import { CsrfField } from '../ui/form';
import { Layout } from '../ui/layout';

/** Asks before deleting a draft, which cannot be undone. */
export function DeletePage(props: { application: Application }) {
  const { t } = usePage();
  const a = props.application;
  return (
    <Layout title={t.t('apply.delete.title')}>
      <span class="hint">{a.title || t.t('apply.untitled')}</span>
      <h1>{t.t('apply.delete.title')}</h1>
      <p class="notice">{t.t('apply.delete.warning')}</p>
      <form method="post" action={`/applications/${a.id}/delete`}>
        <CsrfField />
        <button class="button warning" type="submit">
          {t.t('apply.delete.confirm')}
        </button>
        <a class="button secondary" href={`/applications/${a.id}`}>
          {t.t('apply.withdraw.keep')}
        </a>
      </form>
    </Layout>
  );
}
