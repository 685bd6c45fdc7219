/** What a link on an HF page points to. Pure string logic. */

import { PAPER_HREF_RE } from './selectors';

export interface PaperLinkTarget {
  /** arXiv id without version. */
  id: string;
  /** The link's `#…` part ('' when none), e.g. '#community'. */
  hash: string;
}

/** The paper a raw `href` attribute links to, or null (other pages, /login?next=…, other hosts). */
export function paperLinkTarget(href: string | null | undefined): PaperLinkTarget | null {
  if (!href) return null;
  const m = PAPER_HREF_RE.exec(href.trim());
  if (!m) return null;
  return { id: m[1]!, hash: m[2] ?? '' };
}
