/**
 * The options page's Library and Settings & backup panels, in real Chromium with the built extension:
 * listing, search as you type, inline edits, Undo, export, backup/restore, bad backups, accessibility.
 */
import { parse } from '@retorquere/bibtex-parser';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { fixtureHtml, listedPapers } from '../../scripts/lib/fixtures';
import { ROOT } from '../../scripts/lib/paths';
import { benchPapers } from '../../scripts/bench/library-bench';
import { makeBackup } from '../../utils/backup/backup-file';
import { DEFAULT_PREFS } from '../../utils/storage/prefs-schema';
import { cardById, eventually, pressed, saveButton, SETTLE_MS, useBrowser, waitForDecoration } from './support';

const daily = listedPapers(fixtureHtml('daily'));
const FIRST = daily[0]!; // saved first
const TABM = daily[2]!; // saved second: the newest
const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

describe('library page', () => {
  const browser = useBrowser();

  /** Saves papers by clicking their Save buttons on the daily page, in this order. */
  async function savePapers(...papers: Array<{ id: string }>): Promise<void> {
    const page = await browser().open('daily');
    await waitForDecoration(page, daily.length);
    for (const p of papers) {
      const card = cardById(page, p.id);
      await saveButton(card).click();
      await eventually(() => pressed(saveButton(card)), (v) => expect(v).toBe('true'));
    }
    await page.close();
  }

  async function openOptions(tab: 'library' | 'settings'): Promise<Page> {
    const page = await browser().context.newPage();
    await page.goto(`${browser().extensionOrigin}/options.html#${tab}`);
    if (tab === 'library') await page.locator('.lib-row, .lib-empty').first().waitFor({ timeout: SETTLE_MS });
    else await page.getByRole('heading', { name: 'Restore from a backup' }).waitFor({ timeout: SETTLE_MS });
    return page;
  }

  const rowIds = (page: Page) => page.locator('.lib-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-paper-id')));
  const row = (page: Page, id: string) => page.locator(`.lib-row[data-paper-id="${id}"]`);

  /** Sends a protocol message from an extension page, as the page itself would. */
  const sendMessage = (page: Page, msg: unknown) =>
    page.evaluate((m) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage(m), msg);

  async function readDownload(download: Download): Promise<string> {
    const path = await download.path();
    return readFileSync(path, 'utf8');
  }

  it('lists saved papers newest first; search as you type forgives a typo; tag and note edits persist', async () => {
    await savePapers(FIRST, TABM);
    const page = await openOptions('library');
    expect(await rowIds(page)).toEqual([TABM.id, FIRST.id]);
    await expect.poll(() => row(page, TABM.id).locator('.lib-title').innerText()).toBe(TABM.title);
    // Links to the paper everywhere it lives.
    const links = await row(page, TABM.id).locator('.lib-links a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links).toEqual(expect.arrayContaining([`https://huggingface.co/papers/${TABM.id}`, `https://arxiv.org/abs/${TABM.id}`, `https://arxiv.org/pdf/${TABM.id}`]));

    // Typed key by key, with a letter missing: "tabulr" for "Tabular".
    const search = page.getByLabel('Search', { exact: true });
    await search.pressSequentially('tabulr', { delay: 30 });
    await eventually(() => rowIds(page), (ids) => expect(ids).toEqual([TABM.id]));
    await search.fill('');
    await eventually(() => rowIds(page), (ids) => expect(ids).toEqual([TABM.id, FIRST.id]));

    const note = page.getByRole('textbox', { name: `Note of “${FIRST.title}”` });
    await note.fill('Compare with the ensemble paper');
    await note.press('Enter');
    await row(page, FIRST.id).getByText('Saved', { exact: true }).waitFor();
    const tags = page.getByRole('textbox', { name: new RegExp(`^Tags of “${escapeRegExp(FIRST.title)}”`) });
    await tags.fill('to-read,  ontology , To-Read');
    await tags.press('Tab'); // blur saves
    await eventually(() => tags.inputValue(), (v) => expect(v).toBe('to-read, ontology'));

    // Escape cancels an edit.
    await note.fill('something I will not keep');
    await note.press('Escape');
    expect(await note.inputValue()).toBe('Compare with the ensemble paper');

    await page.reload();
    await page.locator('.lib-row').first().waitFor();
    await eventually(() => note.inputValue(), (v) => expect(v).toBe('Compare with the ensemble paper'));
    expect(await tags.inputValue()).toBe('to-read, ontology');
    // The tag filter offers the new tags.
    await page.getByLabel('Tag', { exact: true }).selectOption('ontology');
    await eventually(() => rowIds(page), (ids) => expect(ids).toEqual([FIRST.id]));

  });

  it('removing a paper offers Undo, which puts the exact record back', async () => {
    await savePapers(FIRST, TABM);
    const page = await openOptions('library');
    await sendMessage(page, { type: 'library/update', id: FIRST.id, note: 'keep me', tags: ['x'] });
    const before = await sendMessage(page, { type: 'library/list' });

    await row(page, FIRST.id).getByRole('button', { name: /^Remove/ }).click();
    await eventually(() => rowIds(page), (ids) => expect(ids).toEqual([TABM.id]));
    const toast = page.locator('.ps-toast');
    await expect.poll(() => toast.innerText()).toContain(`Removed “${FIRST.title}”`);
    await toast.getByRole('button', { name: 'Undo' }).click();
    await eventually(() => rowIds(page), (ids) => expect(ids).toEqual([TABM.id, FIRST.id]));
    expect(await sendMessage(page, { type: 'library/list' })).toEqual(before);
    expect(await toast.count()).toBe(0);
  });

  it('exports the selection and everything as BibTeX files that parse', async () => {
    await savePapers(FIRST, TABM);
    const page = await openOptions('library');
    await page.getByLabel('Export format').selectOption('bibtex');

    const [all] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export all (2)' }).click()]);
    expect(all.suggestedFilename()).toMatch(/^papersift-2-papers-\d{4}-\d{2}-\d{2}\.bib$/);
    const library = parse(await readDownload(all));
    expect(library.errors).toEqual([]);
    expect(library.entries.map((e) => e.fields.eprint ?? e.key)).toHaveLength(2);
    const titles = library.entries.map((e) => String(e.fields.title).replace(/<[^>]+>/g, ''));
    expect(titles).toEqual([TABM.title, FIRST.title]);

    await row(page, TABM.id).getByRole('checkbox').check();
    const [one] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export selected (1)' }).click()]);
    expect(one.suggestedFilename()).toMatch(/^papersift-1-paper-\d{4}-\d{2}-\d{2}\.bib$/);
    const single = parse(await readDownload(one));
    expect(single.entries).toHaveLength(1);
    expect(String(single.entries[0]!.fields.title).replace(/<[^>]+>/g, '')).toBe(TABM.title);
  });

  it('backup → reset → restore gives back the same library, hidden papers, topics and settings', async () => {
    await savePapers(FIRST, TABM);
    const settings = await openOptions('settings');
    await sendMessage(settings, { type: 'library/update', id: TABM.id, note: 'restored note', tags: ['restore-me'] });
    await sendMessage(settings, { type: 'hidden/hide', id: daily[5]!.id, title: daily[5]!.title, reason: 'manual', source: { url: 'https://huggingface.co/papers', kind: 'daily' } });
    await sendMessage(settings, { type: 'topics/put', topic: { id: 'ens', name: 'Ensembles', colour: '#3b82f6', terms: ['ensembl*'], exclusions: [], fields: ['title'], mode: 'highlight', createdAt: 1 } });
    await settings.getByLabel('Remove from the page').check();
    await settings.getByText('Saved.').waitFor();
    const before = await Promise.all(['library/list', 'hidden/list', 'topics/list'].map((type) => sendMessage(settings, { type })));

    const [download] = await Promise.all([settings.waitForEvent('download'), settings.getByRole('button', { name: 'Download backup' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^papersift-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const text = await readDownload(download);
    expect(JSON.parse(text)).toMatchObject({ format: 'papersift-backup', schema: 1 });

    await browser().closePages();
    await browser().resetExtensionState();
    const fresh = await openOptions('settings');
    expect(await sendMessage(fresh, { type: 'library/list' })).toEqual({ ok: true, value: [] });
    expect(await fresh.getByLabel('Leave a placeholder').isChecked()).toBe(true);

    await fresh.getByLabel('Backup file (.json)').setInputFiles({ name: 'my-backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const summary = fresh.locator('.set-restore-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toBe('2 new, 0 updated, 0 skipped; 1 hidden paper added; 1 topic added; 1 setting restored.');
    await fresh.getByRole('button', { name: 'Restore', exact: true }).click();
    await fresh.getByText(/^Restored my-backup\.json:/).waitFor();
    await eventually(() => fresh.getByLabel('Remove from the page').isChecked(), (v) => expect(v).toBe(true));
    const after = await Promise.all(['library/list', 'hidden/list', 'topics/list'].map((type) => sendMessage(fresh, { type })));
    expect(after).toEqual(before);

    // The library page shows the restored notes and the matched topic.
    const page = await openOptions('library');
    await eventually(() => page.getByRole('textbox', { name: `Note of “${TABM.title}”` }).inputValue(), (v) => expect(v).toBe('restored note'));
    expect(await row(page, TABM.id).locator('.lib-topic').innerText()).toBe('Ensembles');
  });

  it('a corrupt or truncated backup gets a precise error and changes nothing, also when sent straight to the background', async () => {
    await savePapers(FIRST, TABM);
    const page = await openOptions('settings');
    const backup = await sendMessage(page, { type: 'backup/export' }) as { ok: true; value: { saved: Array<Record<string, unknown>> } };
    const before = await sendMessage(page, { type: 'library/list' });
    const corrupt = structuredClone(backup.value);
    corrupt.saved[1]!.title = 42;
    const input = page.getByLabel('Backup file (.json)');

    await input.setInputFiles({ name: 'corrupt.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(corrupt)) });
    const errors = page.locator('.set-restore-errors');
    await errors.waitFor();
    expect(await errors.innerText()).toContain('corrupt.json cannot be restored. Nothing was changed.');
    expect(await errors.locator('li').first().innerText()).toBe('saved[1].title must be a string, not a number');
    expect(await page.getByRole('button', { name: 'Restore', exact: true }).count()).toBe(0);

    const truncated = JSON.stringify(backup.value, null, 2).slice(0, 300);
    await input.setInputFiles({ name: 'cut.json', mimeType: 'application/json', buffer: Buffer.from(truncated) });
    await eventually(() => errors.innerText(), (t) => expect(t).toMatch(/cut\.json cannot be restored[\s\S]*The file is cut off: .*\(line \d+, column \d+\)/));

    // The background checks the text itself: a page that skips the preview cannot slip a bad file in.
    const direct = await sendMessage(page, { type: 'backup/restore', text: JSON.stringify(corrupt) }) as { ok: false; error: string };
    expect(direct.ok).toBe(false);
    expect(direct.error).toContain('saved[1].title must be a string, not a number');
    expect(await sendMessage(page, { type: 'library/list' })).toEqual(before);
  });

  it('10,000 saved papers: one page of rows is rendered; search and "Show more" work', async () => {
    const page = await openOptions('library');
    const papers = benchPapers(10_000);
    const text = JSON.stringify(makeBackup({ saved: papers, hidden: [], topics: [], settings: DEFAULT_PREFS }, Date.now()));
    const reply = (await sendMessage(page, { type: 'backup/restore', text })) as { ok: boolean; error?: string };
    expect(reply).toMatchObject({ ok: true });
    await page.reload();
    const count = page.locator('.lib-result-count');
    await eventually(() => count.innerText(), (t) => expect(t).toBe('10,000 papers, showing the first 50'), 30_000);
    expect(await page.locator('.lib-row').count()).toBe(50);
    // Newest saved first.
    expect((await rowIds(page))[0]).toBe(papers.at(-1)!.id);
    await page.getByRole('button', { name: /^Show more/ }).click();
    await eventually(() => page.locator('.lib-row').count(), (n) => expect(n).toBe(100));

    const target = papers[1234]!;
    await page.getByLabel('Search', { exact: true }).fill(target.title);
    await eventually(() => rowIds(page), (ids) => expect(ids).toContain(target.id));
    expect(await page.locator('.lib-row').count()).toBeLessThanOrEqual(50);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`axe finds no accessibility violations on the library and settings panels (${scheme})`, async () => {
      await savePapers(FIRST, TABM);
      const page = await openOptions('library');
      await sendMessage(page, { type: 'topics/put', topic: { id: 'ens', name: 'Ensembles', colour: '#3b82f6', terms: ['ensembl*'], exclusions: [], fields: ['title'], mode: 'highlight', createdAt: 1 } });
      await sendMessage(page, { type: 'library/update', id: FIRST.id, note: 'a note', tags: ['t'] });
      await page.emulateMedia({ colorScheme: scheme });
      await page.reload();
      await row(page, TABM.id).locator('.lib-topic').waitFor({ timeout: SETTLE_MS });
      await row(page, TABM.id).getByRole('checkbox').check();
      await row(page, FIRST.id).locator('summary').first().click(); // an open abstract too
      expect(await axeViolations(page)).toEqual([]);

      await page.goto(`${browser().extensionOrigin}/options.html#settings`);
      await page.getByRole('heading', { name: 'Restore from a backup' }).waitFor();
      await page.getByRole('button', { name: 'Reset everything…' }).click();
      await page.getByRole('heading', { name: /Step 1 of 2/ }).waitFor();
      expect(await axeViolations(page)).toEqual([]);
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe(scheme === 'dark' ? 'rgb(11, 15, 25)' : 'rgb(255, 255, 255)');
    });
  }
});

/** Runs axe-core in the page; returns the violations as short readable lines. */
async function axeViolations(page: Page): Promise<string[]> {
  // Extension pages forbid inline scripts (CSP), so the source is evaluated rather than added as a <script>.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
  });
  return violations;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
