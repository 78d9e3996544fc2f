import { errorMessage, hasErrorMessage } from '../../common/i18n/error-message';
import { Translator } from '../i18n/translator';
import { WebErrors } from '../web.errors';

/** The title and the sentence a problem page shows, in the page's language. */
export function describeProblem(
  t: Translator,
  status: number,
  code: string,
  details?: Record<string, unknown>,
): { title: string; message: string } {
  if (status === 404) return { title: t.t('common.error.notFound.title'), message: t.t('common.error.notFound.body') };
  if (status >= 500) return { title: t.t('common.error.server.title'), message: t.t('common.error.server.body') };
  if (code === WebErrors.CSRF_REFUSED.code)
    return { title: t.t('common.error.forbidden.title'), message: t.t('common.error.csrf') };
  const title = status === 403 ? t.t('common.error.forbidden.title') : t.t('common.error.title');
  return { title, message: hasErrorMessage(code) ? errorMessage(code, t.language, details) : '' };
}
