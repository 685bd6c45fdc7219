/**
 * Links built from stored data are only ever https (or the extension's own relative pages): a record written by
 * an older build, a damaged profile or a `library/restore-records` / `page/papers` message carrying a
 * `javascript:` or `data:` URL must not end up as an href in the popup or the options page.
 *
 * (The extension pages' CSP would block a `javascript:` link from running; these checks are the layer before it.)
 */
import { h, render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { LivePreview } from '../../../entrypoints/options/topics/LivePreview';
import { PaperRow } from '../../../entrypoints/options/library/PaperRow';
import { validateRequest } from '../../../entrypoints/background/validate-request';
import { normalizeLastPage } from '../../../utils/storage/last-page-record';
import { normalizeSaved } from '../../../utils/storage/record-migrations';
import type { SavedPaper } from '../../../utils/storage/records';
import { previewTopic } from '../../../utils/topics-ui/preview';
import type { Topic } from '../../../utils/topics/types';

const HOSTILE_URLS = ['javascript:alert(document.domain)', 'data:text/html,<script>alert(1)</script>'];

/** What an href from data may be: https, or a page of the extension itself (relative, no scheme). */
function isSafeHref(href: string): boolean {
  const t = href.trim();
  if (!/^[a-z][a-z0-9+.-]*:/i.test(t)) return !t.startsWith('//');
  return /^https:\/\//i.test(t);
}

/** A saved record as an older build or a damaged profile could hold it. */
const storedRecord = (github: string): Record<string, unknown> => ({
  schema: 1,
  id: '2508.19428',
  title: 'Heterogeneous LLM Methods for Ontology Learning',
  authors: ['A. Author'],
  links: { hf: 'javascript:alert(1)', arxiv: 'javascript:alert(2)', pdf: 'data:text/html,x', github },
  savedAt: 1_790_000_000_000,
  source: { url: 'https://huggingface.co/papers/date/2026-11-27', kind: 'daily' },
  tags: [],
  note: '',
});

const linkValues = (rec: SavedPaper) => Object.values(rec.links).filter((v): v is string => typeof v === 'string');

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const root of mounted.splice(0)) {
    render(null, root);
    root.remove();
  }
});

async function hrefsOf(ui: ComponentChild): Promise<string[]> {
  const root = document.createElement('div');
  document.body.append(root);
  mounted.push(root);
  await act(() => render(ui, root));
  return Array.from(root.querySelectorAll('a[href]')).map((a) => a.getAttribute('href')!);
}

describe('saved papers: links read from storage', () => {
  it.each(HOSTILE_URLS)('normalizeSaved keeps no unsafe link (github = %j)', (url) => {
    const rec = normalizeSaved(storedRecord(url));
    expect(rec).not.toBeNull();
    // hf, arxiv and pdf are rebuilt from the id; github is the one link taken from the data.
    for (const href of linkValues(rec!)) expect(isSafeHref(href), `link ${JSON.stringify(href)}`).toBe(true);
  });

  it('a safe GitHub link survives', () => {
    expect(normalizeSaved(storedRecord('https://github.com/org/repo'))!.links.github).toBe('https://github.com/org/repo');
  });

  it.each(HOSTILE_URLS)('library/restore-records stores no unsafe link (github = %j)', (url) => {
    const checked = validateRequest({ type: 'library/restore-records', records: [storedRecord(url)] });
    // Refusing the record is fine too; accepting it must mean its links are safe.
    if (!checked.ok) return;
    if (checked.req.type !== 'library/restore-records') throw new Error('wrong request type');
    for (const rec of checked.req.records) for (const href of linkValues(rec)) expect(isSafeHref(href), `link ${JSON.stringify(href)}`).toBe(true);
  });

  it('the library row renders only safe hrefs for a damaged record', async () => {
    const rec = normalizeSaved(storedRecord('javascript:alert(document.domain)'))!;
    const hrefs = await hrefsOf(
      h(PaperRow, {
        paper: rec,
        topics: null,
        selected: false,
        onSelect: () => undefined,
        onEdit: async () => rec,
        onRemove: () => undefined,
      }),
    );
    expect(hrefs.length).toBeGreaterThanOrEqual(3);
    expect(hrefs.filter((x) => !isSafeHref(x))).toEqual([]);
  });
});

describe('the last page: its URL is shown as a link in the topic preview', () => {
  const topic: Topic = {
    id: 'draft',
    name: 'Draft',
    colour: '#3b82f6',
    terms: ['ontology'],
    exclusions: [],
    fields: ['title'],
    mode: 'highlight',
    createdAt: 0,
  };
  const stored = (url: string) => ({ v: 1, url, at: 1, papers: [{ id: '2508.19428', title: 'Heterogeneous LLM Methods for Ontology Learning' }] });

  it.each(HOSTILE_URLS)('the preview link is safe whatever URL was stored (%j)', (url) => {
    const page = normalizeLastPage(stored(url));
    // Dropping the record is fine too.
    if (page === null) return;
    expect(isSafeHref(previewTopic(topic, page).url), `preview url ${JSON.stringify(previewTopic(topic, page).url)}`).toBe(true);
  });

  it('page/papers with a javascript: URL is refused or made harmless before it is stored', () => {
    const checked = validateRequest({ type: 'page/papers', url: 'javascript:alert(document.domain)', papers: [] });
    if (!checked.ok) return;
    if (checked.req.type !== 'page/papers') throw new Error('wrong request type');
    expect(isSafeHref(checked.req.url), `stored url ${JSON.stringify(checked.req.url)}`).toBe(true);
  });

  it('LivePreview renders only safe hrefs for a damaged last page', async () => {
    const page = normalizeLastPage(stored('javascript:alert(document.domain)'));
    if (page === null) return;
    const hrefs = await hrefsOf(h(LivePreview, { topic, page }));
    expect(hrefs.length).toBeGreaterThanOrEqual(1);
    expect(hrefs.filter((x) => !isSafeHref(x))).toEqual([]);
  });
});

describe('isSafeHref (the check above)', () => {
  it('tells the cases apart', () => {
    expect(['https://huggingface.co/papers/1', 'options.html#topics', '#x'].every(isSafeHref)).toBe(true);
    expect([...HOSTILE_URLS, '//evil.example/x', 'vbscript:x'].some(isSafeHref)).toBe(false);
  });
});
