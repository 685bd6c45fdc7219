/** SavedPaper fixtures with every awkward kind of text the exports must carry. Shared by export and backup tests. */
import { arxivAbsUrl, arxivPdfUrl, hfPaperUrl } from '../../../utils/model/paper';
import type { SavedPaper } from '../../../utils/storage/records';

export function paper(id: string, over: Partial<SavedPaper> = {}): SavedPaper {
  return {
    schema: 1,
    id,
    title: `Paper ${id}`,
    authors: ['Ada Lovelace', 'Alan Turing'],
    links: { hf: hfPaperUrl(id), arxiv: arxivAbsUrl(id), pdf: arxivPdfUrl(id) },
    savedAt: Date.UTC(2026, 10, 29, 8, 30),
    source: { url: 'https://huggingface.co/papers', kind: 'daily' },
    tags: [],
    note: '',
    ...over,
  };
}

export const LONG_TITLE = ('Scaling Laws for {Sparse} Mixture-of-Experts & 100% ' + 'x'.repeat(30)).repeat(25).slice(0, 2000);

export const AWKWARD_PAPERS: SavedPaper[] = [
  paper('2508.19428', {
    title: '{GPT}-4 and {LLaMA}: Schr\\"odinger Bridges for 50% of $\\mathcal{O}(n)$ #1 a_b ~x^2',
    authors: ['Jean-Luc van der Berg', 'Zoë Ó Briain', 'John Smith Jr.', 'akhaliq'],
    organization: 'Meta AI',
    abstract: 'We study `code`, [brackets] and *stars* | pipes — with "quotes", a < b > c, and 100% & more.',
    date: '2025-08-27',
    upvotes: 42,
    keywords: ['diffusion', 'bridges'],
    tags: ['llm', 'to-read', 'diffusion models'],
    note: 'First line, with a comma.\nSecond line: "quoted".\n\n- not a list\n# not a heading',
    links: {
      hf: hfPaperUrl('2508.19428'),
      arxiv: arxivAbsUrl('2508.19428'),
      pdf: arxivPdfUrl('2508.19428'),
      github: 'https://github.com/example/repo',
    },
  }),
  paper('2509.00001', {
    title: '"Quoted" and \'single\', with commas, semicolons; and -- dashes --- too',
    authors: ['Иван Петров', '山田太郎', 'محمد علي'],
    abstract: 'Line one.\nLine two with\ttab.',
    date: '2025-09-01',
    tags: ['русский', '日本語', 'العربية'],
    note: 'Note with emoji 🚀🧪 and =SUM(A1:A2)',
  }),
  paper('2510.12345', {
    title: '日本語のタイトル: русский заголовок и العنوان العربي 🚀',
    authors: [],
    // No date: formats fall back to the arXiv id's month.
    tags: [],
    note: '',
  }),
  paper('2511.54321', {
    title: LONG_TITLE,
    authors: ['Grace Hopper'],
    date: '2025-11-03',
    upvotes: 0,
    tags: ['=cmd|calc', '+plus', '-minus', '@at'],
    note: '=HYPERLINK("https://evil.example","click")',
  }),
  paper('2512.00042', {
    title: 'Attention Is All You Need (Again): {BERT}, T5 & Émile Zola’s ÉLAN',
    authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'],
    date: '2025-12-24',
    tags: ['transformers'],
    note: "'=already quoted\r\nWindows line",
  }),
];

/**
 * What single-line formats (BibTeX, RIS) promise to keep: the text with runs of ASCII whitespace as one
 * space, control characters removed, ends trimmed of any whitespace (Unicode spaces too, as String#trim does:
 * a title of one EN SPACE is empty). Written here independently of utils/export/text.ts.
 */
export function oneLine(text: string): string {
  let out = '';
  let pendingSpace = false;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v') {
      pendingSpace = out !== '';
      continue;
    }
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) continue;
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += ch;
  }
  return out.replace(/^[\s\uFEFF]+|[\s\uFEFF]+$/gu, '');
}

/** The date each format should carry: the paper's date, else the arXiv id's year and month. */
export function expectedDate(p: SavedPaper): { year: number; month?: number; day?: number } {
  if (p.date) {
    const [y, m, d] = p.date.split('-').map(Number);
    return { year: y!, month: m, day: d };
  }
  return { year: 2000 + Number(p.id.slice(0, 2)), month: Number(p.id.slice(2, 4)) };
}
