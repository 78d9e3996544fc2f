import { ComponentChildren, createContext, h, VNode } from 'preact';
import { useContext } from 'preact/hooks';
import { PageResult } from '../render/web-result';

/**
 * A banner a controller puts above a page it did not write for this reader (a manager entering an
 * application on the applicant's pages): the Layout shows it first in <main>.
 */
export const PageBannerHolder = createContext<ComponentChildren>(null);

export function PageBanner() {
  return <>{useContext(PageBannerHolder)}</>;
}

/** The same page with `banner` above its content; redirects and other results pass through. */
export function withBanner<R>(result: R, banner: VNode | null): R {
  if (!banner || !(result instanceof PageResult)) return result;
  const body = h(PageBannerHolder.Provider, { value: banner }, result.body) as unknown as VNode;
  return new PageResult(body, result.status) as R;
}
