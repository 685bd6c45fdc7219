/** Svelte 5 SSR escaping, as the fixtures use it (text: & and <; attributes: &, " and <). */

export const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

export const encodeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Decodes an attribute value: the named entities Svelte emits plus numeric ones. `&amp;` last, so it is not decoded twice. */
export function decodeAttr(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#39;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(parseInt(d, 10)))
    .replace(/&amp;/g, '&');
}
