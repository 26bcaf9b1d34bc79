import type { MouseEvent, ReactNode } from 'react';
import { navigate, useLocation } from '../lib/router.ts';

/**
 * An ordinary link (it opens in a new tab, can be copied) that navigates in place and keeps the query string,
 * so the shared filters follow the user from page to page.
 */
export function Link({
  to,
  search,
  current = false,
  className,
  children,
}: {
  to: string;
  /** Query string to use instead of the current one. */
  search?: string;
  current?: boolean;
  className?: string;
  children: ReactNode;
}) {
  const location = useLocation();
  const query = search ?? location.search;
  const href = query === '' ? to : `${to}?${query}`;
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to, query);
  };
  return (
    <a href={href} onClick={onClick} className={className} aria-current={current ? 'page' : undefined}>
      {children}
    </a>
  );
}
