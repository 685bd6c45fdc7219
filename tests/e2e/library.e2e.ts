/**
 * The options page's Library and Settings & backup panels, in both browsers with the built extension: listing,
 * search as you type, inline edits, Undo, export, backup/restore, bad backups, accessibility (light and dark).
 * Files the page saves are read where it makes them (harness/forms.ts says how).
 */
import { parse } from '@retorquere/bibtex-parser';
import { describe, expect, it } from 'vitest';
import { fixtureHtml, listedPapers } from '../../scripts/lib/fixtures';
import { benchPapers } from '../../scripts/bench/library-bench';
import { makeBackup } from '../../utils/backup/backup-file';
import { DEFAULT_PREFS } from '../../utils/storage/prefs-schema';
import {
  axeViolations,
  cardById,
  downloadFrom,
  eventually,
  fillField,
  selectOption,
  setInputFile,
  useE2EBrowser,
  waitForDecoration,
  waitForExactText,
  type E2EBrowser,
  type E2EPage,
} from './harness';
import { button, countOf, el, field, isChecked, named, textOf, valueOf } from './harness/named';

const daily = listedPapers(fixtureHtml('daily'));
const FIRST = daily[0]!; // saved first
const TABM = daily[2]!; // saved second: the newest
const ENSEMBLES_TOPIC = { id: 'ens', name: 'Ensembles', colour: '#3b82f6', terms: ['ensembl*'], exclusions: [], fields: ['title'], mode: 'highlight', createdAt: 1 };

const rowSel = (id: string) => `.lib-row[data-paper-id="${id}"]`;

const rowIds = (page: E2EPage) => page.evaluate(() => [...document.querySelectorAll('.lib-row')].map((r) => r.getAttribute('data-paper-id')), undefined);

/** Saves papers by clicking their Save buttons on the daily page, in this order. */
async function savePapers(b: E2EBrowser, ...papers: Array<{ id: string }>): Promise<void> {
  const page = await b.open('daily');
  await waitForDecoration(page, daily.length);
  for (const p of papers) {
    const card = cardById(page, p.id);
    await card.button(/Save/).click();
    // With the card's own text, so a failed save says what the card showed (an error message, say).
    await eventually(async () => `${await card.button(/Save/).pressed()} ${await card.uiText()}`, (v) => expect(v).toMatch(/^true /));
  }
  await page.close();
}

const openOptions = (b: E2EBrowser, tab: 'library' | 'settings') =>
  b.openExtensionPage(`options.html#${tab}`, tab === 'library' ? '.lib-row, .lib-empty' : '#set-restore-heading');

describe('library page', () => {
  const browser = useE2EBrowser();

  it('lists saved papers newest first; search as you type forgives a typo; tag and note edits persist', async () => {
    await savePapers(browser(), FIRST, TABM);
    const page = await openOptions(browser(), 'library');
    expect(await rowIds(page)).toEqual([TABM.id, FIRST.id]);
    await eventually(() => textOf(page, `${rowSel(TABM.id)} .lib-title`), (t) => expect(t).toBe(TABM.title));
    // Links to the paper everywhere it lives.
    const links = await page.evaluate((s) => [...document.querySelectorAll<HTMLAnchorElement>(`${s} .lib-links a`)].map((a) => a.href), rowSel(TABM.id));
    expect(links).toEqual(expect.arrayContaining([`https://huggingface.co/papers/${TABM.id}`, `https://arxiv.org/abs/${TABM.id}`, `https://arxiv.org/pdf/${TABM.id}`]));

    // Typed key by key, with a letter missing: "tabulr" for "Tabular".
    const search = field('Search');
    await fillField(page, named, search, 'tabulr');
    await eventually(() => rowIds(page), (ids) => expect(ids).toEqual([TABM.id]));
    await fillField(page, named, search, '');
    await eventually(() => rowIds(page), (ids) => expect(ids).toEqual([TABM.id, FIRST.id]));

    const note = field(`Note of “${FIRST.title}”`);
    await fillField(page, named, note, 'Compare with the ensemble paper');
    await page.press('Enter');
    await eventually(() => page.evaluate((s) => [...document.querySelectorAll(`${s} .lib-edit-status`)].some((e) => e.textContent === 'Saved'), rowSel(FIRST.id)), (v) => expect(v).toBe(true));
    const tags = field(`Tags of “${FIRST.title}”`, 'prefix');
    await fillField(page, named, tags, 'to-read,  ontology , To-Read');
    await page.press('Tab'); // blur saves
    await eventually(() => valueOf(page, tags), (v) => expect(v).toBe('to-read, ontology'));

    // Escape cancels an edit.
    await fillField(page, named, note, 'something I will not keep');
    await page.press('Escape');
    expect(await valueOf(page, note)).toBe('Compare with the ensemble paper');

    await page.reload();
    await eventually(() => valueOf(page, note), (v) => expect(v).toBe('Compare with the ensemble paper'));
    expect(await valueOf(page, tags)).toBe('to-read, ontology');
    // The tag filter offers the new tags.
    await selectOption(page, named, field('Tag'), 'ontology');
    await eventually(() => rowIds(page), (ids) => expect(ids).toEqual([FIRST.id]));
  });

  it('removing a paper offers Undo, which puts the exact record back', async () => {
    await savePapers(browser(), FIRST, TABM);
    const page = await openOptions(browser(), 'library');
    await browser().send({ type: 'library/update', id: FIRST.id, note: 'keep me', tags: ['x'] });
    const before = await browser().send({ type: 'library/list' });

    await page.click(named, button('Remove', 'prefix', rowSel(FIRST.id)));
    await eventually(() => rowIds(page), (ids) => expect(ids).toEqual([TABM.id]));
    await eventually(() => textOf(page, '.ps-toast'), (t) => expect(t).toContain(`Removed “${FIRST.title}”`));
    await page.click(named, button('Undo', 'exact', '.ps-toast'));
    await eventually(() => rowIds(page), (ids) => expect(ids).toEqual([TABM.id, FIRST.id]));
    expect(await browser().send({ type: 'library/list' })).toEqual(before);
    expect(await countOf(page, '.ps-toast')).toBe(0);
  });

  it('exports the selection and everything as BibTeX files that parse', async () => {
    await savePapers(browser(), FIRST, TABM);
    const page = await openOptions(browser(), 'library');
    await selectOption(page, named, field('Export format'), 'bibtex');

    const all = await downloadFrom(page, named, button('Export all (2)'));
    expect(all.fileName).toMatch(/^papersift-2-papers-\d{4}-\d{2}-\d{2}\.bib$/);
    const library = parse(all.text);
    expect(library.errors).toEqual([]);
    expect(library.entries.map((e) => e.fields.eprint ?? e.key)).toHaveLength(2);
    const titles = library.entries.map((e) => String(e.fields.title).replace(/<[^>]+>/g, ''));
    expect(titles).toEqual([TABM.title, FIRST.title]);

    await page.click(named, el(`${rowSel(TABM.id)} input[type="checkbox"]`));
    const one = await downloadFrom(page, named, button('Export selected (1)'));
    expect(one.fileName).toMatch(/^papersift-1-paper-\d{4}-\d{2}-\d{2}\.bib$/);
    const single = parse(one.text);
    expect(single.entries).toHaveLength(1);
    expect(String(single.entries[0]!.fields.title).replace(/<[^>]+>/g, '')).toBe(TABM.title);
  });

  it('backup → reset → restore gives back the same library, hidden papers, topics and settings', async () => {
    await savePapers(browser(), FIRST, TABM);
    const settings = await openOptions(browser(), 'settings');
    await browser().send({ type: 'library/update', id: TABM.id, note: 'restored note', tags: ['restore-me'] });
    await browser().send({ type: 'hidden/hide', id: daily[5]!.id, title: daily[5]!.title, reason: 'manual', source: { url: 'https://huggingface.co/papers', kind: 'daily' } });
    await browser().send({ type: 'topics/put', topic: ENSEMBLES_TOPIC });
    const removeStyle = el('input[type="radio"]', 'Remove from the page', 'contains');
    await settings.click(named, removeStyle);
    await waitForExactText(settings, 'Saved.');
    const lists = () => Promise.all(['library/list', 'hidden/list', 'topics/list'].map((type) => browser().send({ type })));
    const before = await lists();

    const backup = await downloadFrom(settings, named, button('Download backup'));
    expect(backup.fileName).toMatch(/^papersift-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(JSON.parse(backup.text)).toMatchObject({ format: 'papersift-backup', schema: 1 });

    await browser().closePages();
    await browser().reset();
    const fresh = await openOptions(browser(), 'settings');
    expect(await browser().send({ type: 'library/list' })).toEqual([]);
    expect(await isChecked(fresh, el('input[type="radio"]', 'Leave a placeholder', 'contains'))).toBe(true);

    await setInputFile(fresh, named, field('Backup file (.json)'), { name: 'my-backup.json', type: 'application/json', text: backup.text });
    await eventually(() => textOf(fresh, '.set-restore-summary'), (t) => expect(t).toBe('2 new, 0 updated, 0 skipped; 1 hidden paper added; 1 topic added; 1 setting restored.'));
    await fresh.click(named, button('Restore'));
    await eventually(() => fresh.evaluate(() => document.body.innerText, undefined), (t) => expect(t).toMatch(/Restored my-backup\.json:/));
    await eventually(() => isChecked(fresh, removeStyle), (v) => expect(v).toBe(true));
    expect(await lists()).toEqual(before);

    // The library page shows the restored notes and the matched topic.
    const page = await openOptions(browser(), 'library');
    await eventually(() => valueOf(page, field(`Note of “${TABM.title}”`)), (v) => expect(v).toBe('restored note'));
    expect(await textOf(page, `${rowSel(TABM.id)} .lib-topic`)).toBe('Ensembles');
  });

  it('a corrupt or truncated backup gets a precise error and changes nothing, also when sent straight to the background', async () => {
    await savePapers(browser(), FIRST, TABM);
    const page = await openOptions(browser(), 'settings');
    const backup = await browser().send<{ saved: Array<Record<string, unknown>> }>({ type: 'backup/export' });
    const before = await browser().send({ type: 'library/list' });
    const corrupt = structuredClone(backup);
    corrupt.saved[1]!.title = 42;
    const input = field('Backup file (.json)');

    await setInputFile(page, named, input, { name: 'corrupt.json', type: 'application/json', text: JSON.stringify(corrupt) });
    await eventually(() => textOf(page, '.set-restore-errors'), (t) => expect(t).toContain('corrupt.json cannot be restored. Nothing was changed.'));
    expect(await textOf(page, '.set-restore-errors li')).toBe('saved[1].title must be a string, not a number');
    expect(await page.evaluate(() => [...document.querySelectorAll('button')].filter((b) => b.textContent?.trim() === 'Restore').length, undefined)).toBe(0);

    const truncated = JSON.stringify(backup, null, 2).slice(0, 300);
    await setInputFile(page, named, input, { name: 'cut.json', type: 'application/json', text: truncated });
    await eventually(() => textOf(page, '.set-restore-errors'), (t) => expect(t).toMatch(/cut\.json cannot be restored[\s\S]*The file is cut off: .*\(line \d+, column \d+\)/));

    // The background checks the text itself: a page that skips the preview cannot slip a bad file in.
    await expect(browser().send({ type: 'backup/restore', text: JSON.stringify(corrupt) })).rejects.toThrow('saved[1].title must be a string, not a number');
    expect(await browser().send({ type: 'library/list' })).toEqual(before);
  });

  it('10,000 saved papers: one page of rows is rendered; search and "Show more" work', async () => {
    const page = await openOptions(browser(), 'library');
    const papers = benchPapers(10_000);
    const text = JSON.stringify(makeBackup({ saved: papers, hidden: [], topics: [], settings: DEFAULT_PREFS }, Date.now()));
    await browser().send({ type: 'backup/restore', text });
    await page.reload();
    await eventually(() => textOf(page, '.lib-result-count'), (t) => expect(t).toBe('10,000 papers, showing the first 50'), 30_000);
    expect(await countOf(page, '.lib-row')).toBe(50);
    // Newest saved first.
    expect((await rowIds(page))[0]).toBe(papers.at(-1)!.id);
    await page.click(named, button('Show more', 'prefix'));
    await eventually(() => countOf(page, '.lib-row'), (n) => expect(n).toBe(100));

    const target = papers[1234]!;
    await fillField(page, named, field('Search'), target.title);
    await eventually(() => rowIds(page), (ids) => expect(ids).toContain(target.id));
    expect(await countOf(page, '.lib-row')).toBeLessThanOrEqual(50);
  });
});

for (const scheme of ['light', 'dark'] as const) {
  describe(`library and settings panels, ${scheme} system theme`, () => {
    const browser = useE2EBrowser({ colourScheme: scheme });

    it(`axe finds no accessibility violations on the library and settings panels (${scheme})`, async () => {
      await savePapers(browser(), FIRST, TABM);
      await browser().send({ type: 'topics/put', topic: ENSEMBLES_TOPIC });
      await browser().send({ type: 'library/update', id: FIRST.id, note: 'a note', tags: ['t'] });
      const page = await openOptions(browser(), 'library');
      await eventually(() => textOf(page, `${rowSel(TABM.id)} .lib-topic`), (t) => expect(t).not.toBeNull());
      await page.click(named, el(`${rowSel(TABM.id)} input[type="checkbox"]`));
      await page.click(named, el(`${rowSel(FIRST.id)} summary`)); // an open abstract too
      expect(await axeViolations(page)).toEqual([]);

      const settings = await openOptions(browser(), 'settings');
      await settings.click(named, button('Reset everything…'));
      await eventually(() => settings.evaluate(() => [...document.querySelectorAll('h1, h2, h3, h4')].some((h) => /Step 1 of 2/.test(h.textContent ?? '')), undefined), (v) => expect(v).toBe(true));
      expect(await axeViolations(settings)).toEqual([]);
      const bg = await settings.evaluate(() => getComputedStyle(document.body).backgroundColor, undefined);
      expect(bg).toBe(scheme === 'dark' ? 'rgb(11, 15, 25)' : 'rgb(255, 255, 255)');
    });
  });
}

