import { contentText } from '../i18n/content';
import { usePage } from '../render/page-context';
import { Layout } from '../ui/layout';
import { Pager } from '../ui/pager';
import { TableScroll } from '../ui/table-scroll';
import { RoundOversight } from './observer-views';

/**
 * A closed round's scoresheets with jurors as pseudonyms (never a juror's or an applicant's name),
 * then the competition's conflict declarations, each list fifty a page.
 */
export function RoundOversightPage(props: { view: RoundOversight }) {
  const { t, language } = usePage();
  const { round, competition, criteria, sheets, declarations } = props.view;
  const title = t.t('observer.round.title', { name: round.name });
  const href = (sheetPage: number, declarationPage: number) => {
    const params = new URLSearchParams();
    if (sheetPage > 1) params.set('page', String(sheetPage));
    if (declarationPage > 1) params.set('declarations', String(declarationPage));
    const query = params.toString();
    return `/oversight/rounds/${round.id}${query ? `?${query}` : ''}`;
  };
  return (
    <Layout title={title}>
      <p>
        <a href="/oversight">{t.t('observer.home.title')}</a>
      </p>
      <h1>{title}</h1>
      <p class="lead">
        {contentText(competition.title, language)} · {t.t(`observer.roundStatus.${round.status}`)}
      </p>
      <p>{t.t('observer.round.audited')}</p>
      <h2>{t.t('observer.round.sheets')}</h2>
      {!sheets && <p class="notice warning">{t.t('observer.round.notClosed')}</p>}
      {sheets && sheets.total === 0 && <p>{t.t('observer.round.noSheets')}</p>}
      {sheets && sheets.total > 0 && (
        <>
          <TableScroll label={t.t('observer.round.sheets')}>
            <table class="oversight-sheets">
              <thead>
                <tr>
                  <th scope="col">{t.t('observer.round.col.reference')}</th>
                  <th scope="col">{t.t('observer.round.col.juror')}</th>
                  <th scope="col">{t.t('observer.round.col.status')}</th>
                  {criteria.map((code) => (
                    <th scope="col" class="num">
                      {code}
                    </th>
                  ))}
                  <th scope="col" class="num">
                    {t.t('observer.round.col.total')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {sheets.items.map((s) => (
                  <tr>
                    <th scope="row">{s.reference}</th>
                    <td>{s.juror}</td>
                    <td>{t.t(`observer.sheetStatus.${s.status as 'draft' | 'submitted' | 'withdrawn'}`)}</td>
                    {criteria.map((code) => (
                      <td class="num">{s.scores[code] ?? '—'}</td>
                    ))}
                    <td class="num">{s.total === null ? '—' : t.number(Math.round(s.total * 100) / 100)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pager
            page={sheets.page}
            pages={sheets.pages}
            href={(n) => href(n, declarations.page)}
            label={t.t('observer.round.sheetsPager')}
          />
        </>
      )}
      <h2>{t.t('observer.round.declarations')}</h2>
      {declarations.total === 0 ? (
        <p>{t.t('observer.round.noDeclarations')}</p>
      ) : (
        <>
          <TableScroll label={t.t('observer.round.declarations')}>
            <table class="oversight-declarations">
              <thead>
                <tr>
                  <th scope="col">{t.t('observer.round.col.juror')}</th>
                  <th scope="col">{t.t('observer.round.col.target')}</th>
                  <th scope="col">{t.t('observer.round.col.kind')}</th>
                  <th scope="col">{t.t('observer.round.col.declared')}</th>
                </tr>
              </thead>
              <tbody>
                {declarations.items.map((d) => (
                  <tr>
                    <th scope="row">{d.juror}</th>
                    <td>
                      {d.target === 'applicant'
                        ? t.t('observer.target.applicant')
                        : d.target === 'application'
                          ? t.t('observer.target.application', { name: d.targetName ?? '' })
                          : t.t('observer.target.village', { name: d.targetName ?? '' })}
                    </td>
                    <td>{t.t(`observer.kind.${d.kind as 'family' | 'business' | 'employment' | 'other'}`)}</td>
                    <td>{t.dateTime(d.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          <Pager
            page={declarations.page}
            pages={declarations.pages}
            href={(n) => href(sheets?.page ?? 1, n)}
            label={t.t('observer.round.declarationsPager')}
          />
        </>
      )}
    </Layout>
  );
}
