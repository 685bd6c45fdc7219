/** Only https links on the hosts a paper link can legitimately point to are ever written into an export. */

export const PAPER_LINK_HOSTS = ['huggingface.co', 'arxiv.org', 'github.com'] as const;

/**
 * The canonical form of `url` when it is an https URL on one of `hosts` (or their `www.` alias), without
 * credentials; otherwise undefined. A `javascript:` or `http:` link from a corrupted record is thereby dropped.
 */
export function safeHttpsUrl(url: string | undefined, hosts: readonly string[] = PAPER_LINK_HOSTS): string | undefined {
  if (typeof url !== 'string' || url.length === 0 || url.length > 2048) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || parsed.username !== '' || parsed.password !== '') return undefined;
  const host = parsed.hostname.replace(/^www\./, '');
  return hosts.includes(host) ? parsed.href : undefined;
}
