/**
 * Escape plain text for a braced BibTeX field so that LaTeX prints it and BibTeX readers (biber, Zotero's
 * Better BibTeX parser) read back the same text.
 *
 * - Non-ASCII text (é, 日本語, русский, emoji) stays UTF-8: biber, Zotero and modern LaTeX read it.
 * - Braces become \textbraceleft{} / \textbraceright{} rather than \{ \}: classic BibTeX counts escaped
 *   braces too, so an unbalanced "\{" would break the file. With commands, every brace we write is balanced.
 * - A title that literally contains TeX (`Schr\"odinger`) keeps its backslash as \textbackslash{}, so it reads
 *   back as the same characters the papers page showed, not as "Schrödinger".
 * - Pairs TeX turns into other glyphs (-- '' `` ,, !` ?`) get an empty group between them.
 * - Whitespace (line breaks included) collapses to single spaces, as TeX does anyway; control characters go.
 * Any other Unicode text reads back unchanged (the export tests check this with random full-Unicode strings).
 */
import { toSingleLine } from './text';

const REPLACEMENTS: Readonly<Record<string, string>> = {
  '\\': '\\textbackslash{}',
  '{': '\\textbraceleft{}',
  '}': '\\textbraceright{}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
  '<': '\\textless{}', // OT1 fonts print < and > as ¡ and ¿
  '>': '\\textgreater{}',
  '|': '\\textbar{}', // OT1 fonts print | as an em dash
};

const SPECIALS = /[\\{}&%$#_~^<>|]/g;
/** Pairs TeX fuses into one glyph: -- '' `` ,, !` ?` (the match is the first character of the pair). */
const LIGATURE_START = /([-'`,])(?=\1)|[!?](?=`)/g;

export function escapeTeX(text: string): string {
  // Replacements contain none of the ligature characters, so the second pass sees the original pairs.
  return toSingleLine(text)
    .replace(SPECIALS, (ch) => REPLACEMENTS[ch]!)
    .replace(LIGATURE_START, '$&{}');
}

/**
 * A name part (family, given …) for a BibTeX `author` list: escaped, with a word "and" braced so it does not
 * split the list, and with the whole part braced when it contains a comma.
 */
export function escapeNamePart(text: string): string {
  const escaped = escapeTeX(text)
    .split(' ')
    .map((word) => (/^(and|others)$/i.test(word) ? `{${word}}` : word))
    .join(' ');
  return escaped.includes(',') ? `{${escaped}}` : escaped;
}

/** Verbatim fields (url, eprint) are not TeX-interpreted, but their braces must still balance. */
export function verbatimValue(text: string): string {
  return toSingleLine(text).replace(/[{}\\]/g, (ch) => '%' + ch.charCodeAt(0).toString(16).toUpperCase());
}

const HAS_CAPITAL = /[\p{Lu}\p{Lt}]/u;

/**
 * A title whose capitalisation no style or reader may change: every word with a capital letter is braced
 * ("{GPT-4} and {LLaMA}"). Wrapping the whole title in one extra brace pair would do for LaTeX, but Zotero's
 * BibTeX reader drops such outer braces by design and then sentence-cases the title; per-word braces survive
 * both. A braced word that starts with a command gets a second pair, else BibTeX would treat the group as an
 * accented "special character" and lowercase it.
 */
export function escapeTitle(title: string): string {
  const words = toSingleLine(title).split(' ');
  const escaped = words.map((word) => {
    const text = escapeTeX(word);
    if (!HAS_CAPITAL.test(word)) return text;
    return text.startsWith('\\') ? `{{${text}}}` : `{${text}}`;
  });
  // A title that is one braced word would look like a whole-title brace pair, which readers drop: add a layer.
  return words.length === 1 && escaped[0]!.startsWith('{') ? `{${escaped[0]}}` : escaped.join(' ');
}
