/** Small text helpers shared by the export formats. Pure: no DOM, no browser API. */

/** ASCII whitespace only: that is what TeX, RIS readers and Markdown treat as spaces. */
const ASCII_WHITESPACE_RUN = /[\t\n\v\f\r ]+/g;
/** C0 and C1 control characters and DEL, which no export format can carry in a one-line value. */
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/g;

/** Collapse runs of ASCII whitespace (line breaks included) into one space, drop control characters, trim. */
export function toSingleLine(text: string): string {
  // Most text needs no change: test first, since replacing every single space is what costs.
  const spaced = NEEDS_SPACING.test(text) ? text.replace(ASCII_WHITESPACE_RUN, ' ') : text;
  // A control character dropped between two spaces would leave both: collapse them again.
  const clean = HAS_CONTROL.test(spaced) ? spaced.replace(CONTROL_CHARS, '').replace(/ {2,}/g, ' ') : spaced;
  return clean.trim();
}

const NEEDS_SPACING = /[\t\n\v\f\r]| {2}/;
const HAS_CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/** Lowercase ASCII approximation: "Müller" → "muller", "Łukasz" → "lukasz"; letters with no ASCII form vanish. */
export function asciiFold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæœøłđþðı]/gi, (ch) => FOLD_SPECIAL[ch.toLowerCase()] ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

// Letters NFKD does not decompose into ASCII.
const FOLD_SPECIAL: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  þ: 'th',
  ð: 'd',
  ı: 'i',
};
