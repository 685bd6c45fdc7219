/** How the preview names the page its papers come from: "huggingface.co/papers/date/2026-11-27". Pure. */
export function pageLabel(url: string): string {
  try {
    const u = new URL(url);
    const path = u.pathname.replace(/\/+$/, '');
    return `${u.hostname.replace(/^www\./, '')}${path}${u.search}`;
  } catch {
    return url;
  }
}
