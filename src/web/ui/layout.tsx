import { ComponentChildren } from 'preact';
import { LANGUAGES } from '../../modules/users/domain/language';
import { usePage } from '../render/page-context';
import { CsrfField } from './form';
import { PageBanner } from './page-banner';

const LANGUAGE_NAMES = { kk: 'Қазақша', ru: 'Русский', en: 'English' } as const;
const LANGUAGE_SHORT = { kk: 'ҚАЗ', ru: 'РУС', en: 'ENG' } as const;

/** The frame of every page: head, header with navigation and language switch, main, footer. */
export function Layout(props: { title: string; children: ComponentChildren }) {
  const { t, language, nonce, csrfToken, user, path, assets } = usePage();
  return (
    <html lang={language}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="csrf-token" content={csrfToken} />
        <meta name="htmx-config" content='{"allowEval":false,"includeIndicatorStyles":false,"allowScriptTags":false}' />
        <title>{`${props.title} · ${t.t('common.serviceName')}`}</title>
        <link rel="stylesheet" href={assets.css} />
        <script nonce={nonce} src={assets.htmx} defer />
        <script nonce={nonce} src={assets.app} defer />
      </head>
      <body>
        <a class="skip-link" href="#main">
          {t.t('common.skipToContent')}
        </a>
        <header class="site-header">
          <div class="width bar">
            <a class="brand" href="/">
              {t.t('common.serviceName')}
            </a>
            <form class="language-switch" method="post" action="/language" aria-label={t.t('common.language.change')}>
              <CsrfField />
              <input type="hidden" name="next" value={path} />
              {LANGUAGES.map((code) => (
                <button
                  type="submit"
                  name="language"
                  value={code}
                  lang={code}
                  aria-current={code === language ? 'true' : undefined}
                  aria-label={LANGUAGE_NAMES[code]}
                >
                  {LANGUAGE_SHORT[code]}
                </button>
              ))}
            </form>
          </div>
          <nav class="width site-nav" aria-label={t.t('common.nav.label')}>
            <ul>
              <li>
                <a href="/">{t.t('common.nav.home')}</a>
              </li>
              <li>
                <a href="/open-data">{t.t('common.nav.openData')}</a>
              </li>
              {user ? (
                <>
                  {user.roles.includes('applicant') && (
                    <li>
                      <a href="/applications">{t.t('common.nav.myApplications')}</a>
                    </li>
                  )}
                  {user.roles.includes('juror') && (
                    <li>
                      <a href="/reviews">{t.t('common.nav.myReviews')}</a>
                    </li>
                  )}
                  {user.roles.includes('manager') && (
                    <li>
                      <a href="/manage">{t.t('common.nav.manage')}</a>
                    </li>
                  )}
                  {user.roles.includes('finance') && (
                    <li>
                      <a href="/finance">{t.t('finance.nav')}</a>
                    </li>
                  )}
                  {(user.roles.includes('observer') || user.roles.includes('admin')) && (
                    <li>
                      <a href="/oversight">{t.t('observer.nav')}</a>
                    </li>
                  )}
                  {user.roles.includes('admin') && (
                    <li>
                      <a href="/admin/users">{t.t('admin.nav')}</a>
                    </li>
                  )}
                  <li>
                    <a href="/account">{t.t('common.nav.account')}</a>
                    <span class="visually-hidden"> ({t.t('common.signedInAs', { name: user.name })})</span>
                  </li>
                  <li>
                    <form class="inline-form" method="post" action="/sign-out">
                      <CsrfField />
                      <button type="submit">{t.t('common.nav.signOut')}</button>
                    </form>
                  </li>
                </>
              ) : (
                <>
                  <li>
                    <a href={`/sign-in?next=${encodeURIComponent(path)}`}>{t.t('common.nav.signIn')}</a>
                  </li>
                  <li>
                    <a href="/register">{t.t('common.nav.register')}</a>
                  </li>
                </>
              )}
            </ul>
          </nav>
        </header>
        <main id="main" class="width" tabIndex={-1}>
          <PageBanner />
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="width">
            <p>{t.t('common.footer')}</p>
          </div>
        </footer>
      </body>
    </html>
  );
}
