import { Layout } from './layout';
import { usePage } from '../render/page-context';

/** A page that says what went wrong, in the visitor's language, with a way on. */
export function ProblemPage(props: { title: string; message?: string }) {
  const { t } = usePage();
  return (
    <Layout title={props.title}>
      <h1>{props.title}</h1>
      {props.message && <p>{props.message}</p>}
      <p>
        <a href="/">{t.t('common.error.goHome')}</a>
      </p>
    </Layout>
  );
}
