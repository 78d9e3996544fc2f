/** Minimal pages for the links in our mails, until a web front end serves them. */
import { errorMessage } from '../../common/i18n/error-message';
import { LANGUAGES } from '../../common/i18n/language';

const escape = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="kk"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5}
input,button{font-size:1rem;padding:.5rem;margin:.25rem 0;width:100%;box-sizing:border-box}</style></head>
<body><h1>Start Up</h1>${body}</body></html>`;
}

export function emailConfirmedPage(outcome: 'confirmed' | 'already_confirmed'): string {
  const lines =
    outcome === 'confirmed'
      ? [
          'Электрондық пошта мекенжайыңыз расталды.',
          'Ваш адрес электронной почты подтверждён.',
          'Your email address is confirmed.',
        ]
      : ['Мекенжай бұрын расталған.', 'Адрес уже был подтверждён.', 'This address was already confirmed.'];
  return page('Start Up', lines.map((line) => `<p>${escape(line)}</p>`).join(''));
}

/** Opening the link only shows a button: mail scanners that follow links must not confirm. */
export function confirmEmailPage(token: string): string {
  return page(
    'Start Up',
    `<form method="post" action="/api/auth/confirm-email/page">
<input type="hidden" name="token" value="${escape(token)}">
<p>Мекенжайды растау үшін батырманы басыңыз. Нажмите кнопку, чтобы подтвердить адрес. Press the button to confirm your address.</p>
<button type="submit">Растау / Подтвердить / Confirm</button></form>`,
  );
}

/** What is wrong with the link, in the three languages: whoever opens it has not said which they read. */
export function linkProblemPage(code: string): string {
  return page(
    'Start Up',
    LANGUAGES.map((language) => `<p lang="${language}">${escape(errorMessage(code, language))}</p>`).join(''),
  );
}

export function passwordResetPage(token: string): string {
  return page(
    'Start Up',
    `<form method="post" action="/api/auth/password-reset">
<input type="hidden" name="token" value="${escape(token)}">
<label>Жаңа құпия сөз / Новый пароль / New password<input type="password" name="password" minlength="10" maxlength="128" required autocomplete="new-password"></label>
<button type="submit">OK</button></form>`,
  );
}
