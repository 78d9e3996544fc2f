import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { Role } from '../../common/auth/role';
import { Language } from '../../modules/users/domain/language';
import { Translator } from '../i18n/translator';

export interface AssetUrls {
  css: string;
  htmx: string;
  app: string;
}

/** What every page knows about the request it answers, besides its own data. */
export interface PageContext {
  language: Language;
  t: Translator;
  nonce: string;
  csrfToken: string;
  /** The path and query of this page, for "come back here" links (language switch, sign-in). */
  path: string;
  user: { name: string; roles: Role[] } | null;
  assets: AssetUrls;
}

export const PageContextHolder = createContext<PageContext | null>(null);

export function usePage(): PageContext {
  const context = useContext(PageContextHolder);
  if (!context) throw new Error('A web component was rendered outside a page');
  return context;
}
