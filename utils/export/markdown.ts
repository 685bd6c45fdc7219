/**
 * Markdown reading list. Every piece of paper or reader text is escaped, so a title like "[GPT] *x* `y` |z|"
 * neither breaks the link it sits in nor turns into emphasis, code, tables, HTML or math; link targets are
 * https URLs only (see `paperUrls`) written in `<…>` form.
 */
import type { SavedPaper } from '../storage/records';
import { paperUrls } from './paper-fields';
import { toSingleLine } from './text';

/**
 * ASCII punctuation that means something in CommonMark or GitHub Flavored Markdown inside a line: emphasis,
 * code, links and images, raw HTML, entities, tables, strikethrough, math, heading marks.
 * CommonMark allows a backslash before any ASCII punctuation, so over-escaping is harmless.
 */
const INLINE_SPECIAL = /[\\`*_{}[\]()<>#|~&$!]/g;

/** One-line text for Markdown: whitespace collapsed, specials backslash-escaped. */
export function escapeMarkdown(text: string): string {
  return toSingleLine(text).replace(INLINE_SPECIAL, '\\$&');
}

/** A block of reader text (a note) as blockquote lines; each line escaped, including line-start markers. */
function quoteBlock(text: string, indent: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const escaped = escapeMarkdown(line)
        // Markers that only matter at the start of a line: lists, headings (setext), thematic breaks, quotes.
        .replace(/^([-+=])/, '\\$1')
        .replace(/^(\d+)([.)])/, '$1\\$2');
      return escaped === '' ? `${indent}>` : `${indent}> ${escaped}`;
    });
}

const link = (label: string, url: string) => `[${label}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;

export interface MarkdownOptions {
  /** Heading of the list; default "PaperSift reading list". */
  heading?: string;
}

export function toMarkdown(papers: readonly SavedPaper[], options: MarkdownOptions = {}): string {
  const out: string[] = [`# ${escapeMarkdown(options.heading ?? 'PaperSift reading list')}`, ''];
  out.push(`${papers.length} paper${papers.length === 1 ? '' : 's'}`, '');
  papers.forEach((paper, i) => {
    const urls = paperUrls(paper);
    out.push(`## ${i + 1}. ${link(escapeMarkdown(paper.title ?? '') || escapeMarkdown(paper.id), urls.hf)}`, '');
    const authors = (paper.authors ?? []).map((a) => escapeMarkdown(a)).filter(Boolean);
    if (authors.length) out.push(`- **Authors:** ${authors.join(', ')}`);
    if (paper.organization) out.push(`- **Organization:** ${escapeMarkdown(paper.organization)}`);
    const facts = [
      paper.date ? `**Date:** ${escapeMarkdown(paper.date)}` : '',
      typeof paper.upvotes === 'number' ? `**Upvotes:** ${paper.upvotes}` : '',
      `**arXiv:** ${escapeMarkdown(paper.id)}`,
    ].filter(Boolean);
    out.push(`- ${facts.join(' · ')}`);
    const links = [link('Hugging Face', urls.hf), link('arXiv', urls.arxiv), link('PDF', urls.pdf)];
    if (urls.github) links.push(link('GitHub', urls.github));
    out.push(`- **Links:** ${links.join(' · ')}`);
    const tags = (paper.tags ?? []).map((t) => escapeMarkdown(t)).filter(Boolean);
    if (tags.length) out.push(`- **Tags:** ${tags.join(', ')}`);
    if (paper.note && paper.note.trim() !== '') out.push('- **Note:**', '', ...quoteBlock(paper.note, '  '));
    out.push('');
  });
  return out.join('\n');
}
