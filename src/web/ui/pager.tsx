import { usePage } from '../render/page-context';

/**
 * Previous, "page 3 of 12" and next, as plain links (they work without JavaScript); first and
 * last too once there are many pages. Nothing when everything fits on one page.
 */
export function Pager(props: { page: number; pages: number; href: (page: number) => string; label: string }) {
  const { t } = usePage();
  const { page, pages, href } = props;
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={props.label}>
      {page > 2 && <a href={href(1)}>{t.t('managerApplications.pager.first')}</a>}
      {page > 1 && (
        <a href={href(page - 1)} rel="prev">
          {t.t('managerApplications.pager.previous')}
        </a>
      )}
      <span aria-current="page">{t.t('managerApplications.pager.pageOf', { page, pages })}</span>
      {page < pages && (
        <a href={href(page + 1)} rel="next">
          {t.t('managerApplications.pager.next')}
        </a>
      )}
      {page < pages - 1 && <a href={href(pages)}>{t.t('managerApplications.pager.last')}</a>}
    </nav>
  );
}

/** The page a `?page=` asks for: a whole number from 1 to `max`; anything else (a hand-edited link) is page 1. */
export function pageParam(value: unknown, max = 100_000): number {
  const page = Number(value);
  return Number.isSafeInteger(page) && page >= 1 && page <= max ? page : 1;
}
