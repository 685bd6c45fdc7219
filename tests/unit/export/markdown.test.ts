import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toMarkdown } from '../../../utils/export/markdown';
import { AWKWARD_PAPERS, oneLine, paper } from './paper-fixtures';

/**
 * A small reader for the parts of CommonMark the list uses, written from the spec, not from our exporter:
 * backslash escapes (any ASCII punctuation), links `[text](<url>)`, headings, list items, blockquotes.
 */
const ASCII_PUNCT = /\\([!-/:-@[-`{-~])/g;
const unescape = (s: string) => s.replace(ASCII_PUNCT, '$1');

/** Specials that would change the rendering when not escaped inside link text or a list item. */
function unescapedSpecials(s: string): string[] {
  return [...s.replace(/\\[!-/:-@[-`{-~]/g, '')].filter((ch) => '[]`*_<>|&$\\~'.includes(ch));
}

interface MdLink { text: string; url: string }

/** Parse `[text](<url>)` links in order; the link text ends at the first `]` not escaped by a backslash. */
function links(line: string): MdLink[] {
  const found: MdLink[] = [];
  let i = 0;
  while ((i = line.indexOf('[', i)) !== -1) {
    if (line[i - 1] === '\\') { i++; continue; }
    let j = i + 1;
    while (j < line.length && line[j] !== ']') j += line[j] === '\\' ? 2 : 1;
    const dest = /^\(<([^<>\n]*)>\)/.exec(line.slice(j + 1));
    if (!dest) throw new Error(`broken link at ${i}: ${line}`);
    found.push({ text: line.slice(i + 1, j), url: dest[1]! });
    i = j + 1 + dest[0].length;
  }
  return found;
}

interface MdPaper { heading: MdLink; items: Map<string, string>; quote: string[] }

function readList(md: string): MdPaper[] {
  const papers: MdPaper[] = [];
  for (const line of md.split('\n')) {
    const heading = /^## \d+\. (.*)$/.exec(line);
    if (heading) {
      const ls = links(heading[1]!);
      expect(ls).toHaveLength(1);
      papers.push({ heading: ls[0]!, items: new Map(), quote: [] });
      continue;
    }
    const current = papers[papers.length - 1];
    const item = /^- \*\*([A-Za-z ]+):\*\* ?(.*)$/.exec(line);
    if (current && item) current.items.set(item[1]!, item[2]!);
    const quote = /^ {2}>(?: (.*))?$/.exec(line);
    if (current && quote) current.quote.push(quote[1] ?? '');
  }
  return papers;
}

describe('toMarkdown', () => {
  const md = toMarkdown(AWKWARD_PAPERS);
  const list = readList(md);

  it('has a heading, the count and one linked heading per paper, titles intact and escaped', () => {
    expect(md.startsWith('# PaperSift reading list\n\n5 papers\n')).toBe(true);
    expect(list).toHaveLength(AWKWARD_PAPERS.length);
    list.forEach(({ heading }, i) => {
      const p = AWKWARD_PAPERS[i]!;
      expect(unescape(heading.text)).toBe(oneLine(p.title));
      expect(unescapedSpecials(heading.text)).toEqual([]);
      expect(heading.url).toBe(p.links.hf);
    });
  });

  it('lists authors, tags and links to HF, arXiv, PDF and GitHub', () => {
    list.forEach(({ items }, i) => {
      const p = AWKWARD_PAPERS[i]!;
      expect(items.has('Authors') ? unescape(items.get('Authors')!) : '').toBe(p.authors.join(', '));
      expect(items.has('Tags') ? unescape(items.get('Tags')!) : '').toBe(p.tags.join(', '));
      const ls = links(items.get('Links')!);
      const expected = [['Hugging Face', p.links.hf], ['arXiv', p.links.arxiv], ['PDF', p.links.pdf]];
      if (p.links.github) expected.push(['GitHub', p.links.github]);
      expect(ls.map((l) => [l.text, l.url])).toEqual(expected);
    });
  });

  it('quotes notes line by line, escaping list and heading markers', () => {
    const note = list[0]!.quote;
    expect(note.map(unescape)).toEqual(AWKWARD_PAPERS[0]!.note.split('\n'));
    expect(note).toContain('\\- not a list');
    expect(note).toContain('\\# not a heading');
  });

  it('never writes a javascript: or http: link', () => {
    const bad = paper('2501.00011', { links: { hf: 'javascript:alert(1)', arxiv: 'http://arxiv.org/abs/2501.00011', pdf: 'https://arxiv.org/pdf/2501.00011', github: 'javascript:alert(1)' } });
    const out = toMarkdown([bad]);
    expect(out).not.toMatch(/javascript:|http:/);
    const [read] = readList(out);
    expect(read!.heading.url).toBe('https://huggingface.co/papers/2501.00011');
    expect(links(read!.items.get('Links')!).map((l) => l.text)).toEqual(['Hugging Face', 'arXiv', 'PDF']);
  });

  it('keeps links intact for any title', () => {
    const unit = fc.oneof(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }));
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 60 }).filter((t) => oneLine(t) !== ''), (title) => {
        const [read] = readList(toMarkdown([paper('2501.00012', { title })]));
        expect(unescape(read!.heading.text)).toBe(oneLine(title));
        expect(unescapedSpecials(read!.heading.text)).toEqual([]);
        expect(read!.heading.url).toBe('https://huggingface.co/papers/2501.00012');
      }),
      { numRuns: 500 },
    );
  });
});
