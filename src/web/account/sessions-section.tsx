import { usePage } from '../render/page-context';
import { CsrfField } from '../ui/form';

/** One browser signed in to the account. */
export interface SessionRow {
  id: string;
  userAgent: string | null;
  createdAt: Date;
  lastSeenAt: Date;
}

/** The browsers signed in to the account (device = what the browser calls itself), each with a way to end it. */
export function SessionsSection(props: { sessions: SessionRow[]; currentSessionId: string }) {
  const { t } = usePage();
  const others = props.sessions.filter((s) => s.id !== props.currentSessionId);
  const device = (s: SessionRow) => s.userAgent?.slice(0, 120) || t.t('accountProfile.unknownDevice');
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t.t('accountProfile.sessions')}</h2>
      {/* A region that may scroll sideways on a phone: focusable, so a keyboard can scroll it too. */}
      <div class="table-scroll" role="region" aria-labelledby="sessions-title" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t.t('accountProfile.device')}</th>
              <th scope="col">{t.t('accountProfile.started')}</th>
              <th scope="col">{t.t('accountProfile.lastSeen')}</th>
              <th scope="col">
                <span class="visually-hidden">{t.t('accountProfile.end')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {props.sessions.map((session) => (
              <tr>
                <td>{device(session)}</td>
                <td>
                  <time dateTime={new Date(session.createdAt).toISOString()}>{t.dateTime(session.createdAt)}</time>
                </td>
                <td>
                  <time dateTime={new Date(session.lastSeenAt).toISOString()}>{t.dateTime(session.lastSeenAt)}</time>
                </td>
                <td>
                  {session.id === props.currentSessionId ? (
                    <strong>{t.t('accountProfile.thisDevice')}</strong>
                  ) : (
                    <form class="inline-form" method="post" action="/account/sessions/end">
                      <CsrfField />
                      <input type="hidden" name="session" value={session.id} />
                      <button
                        class="button secondary"
                        type="submit"
                        aria-label={t.t('accountProfile.endLabel', { device: device(session) })}
                      >
                        {t.t('accountProfile.end')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {others.length === 0 ? (
        <p>{t.t('accountProfile.onlyThis')}</p>
      ) : (
        <form method="post" action="/account/sessions/end-others">
          <CsrfField />
          <button class="button warning" type="submit">
            {t.t('accountProfile.endOthers')}
          </button>
        </form>
      )}
    </section>
  );
}
