/**
 * Using PaperSift's own pages (options: library, settings) the same way in every browser: typing into fields with
 * real key presses, choosing options, picking a file, reading what a button downloads, and running axe-core.
 *
 * Downloads are read in the page: PaperSift saves files through a temporary `<a download href="blob:…">` (no
 * `downloads` permission), so a hook on that click records the file name and the blob's text before the browser
 * saves it. Firefox over BiDi has no download events, and this checks the file the extension made either way.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../../scripts/lib/paths';
import type { E2EPage } from './e2e-browser';

type Find = (arg: string) => HTMLElement | null | undefined;

/** Focuses the field, clears it with the keyboard and types `text` key by key. */
export async function fillField(page: E2EPage, find: Find, arg: string, text: string): Promise<void> {
  await page.focus(find, arg);
  await page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    (el as HTMLInputElement | null)?.select();
  }, undefined);
  await page.press('Backspace');
  if (text) await page.type(text);
}

/** Chooses an option of a <select> by value, as a reader's choice does (input + change). */
export function selectOption(page: E2EPage, find: Find, arg: string, value: string): Promise<void> {
  return page.withElement(find, arg, (select, value) => {
    const el = select as HTMLSelectElement;
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, value);
}

/** Picks a file for an <input type=file>, as the file dialog would (files + input + change). */
export function setInputFile(page: E2EPage, find: Find, arg: string, file: { name: string; type: string; text: string }): Promise<void> {
  return page.withElement(find, arg, (input, file) => {
    const el = input as HTMLInputElement;
    const dt = new DataTransfer();
    dt.items.add(new File([file.text], file.name, { type: file.type }));
    el.files = dt.files;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, file);
}

export interface DownloadedFile {
  fileName: string;
  text: string;
}

/** Records every `<a download>` click of the page from now on (the browser still saves the file). */
export function captureDownloads(page: E2EPage): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { papersiftDownloads?: Array<Promise<{ fileName: string; text: string }>> };
    if (w.papersiftDownloads) return;
    const downloads: Array<Promise<{ fileName: string; text: string }>> = (w.papersiftDownloads = []);
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.hasAttribute('download')) downloads.push(fetch(this.href).then(async (r) => ({ fileName: this.download, text: await r.text() })));
      return click.call(this);
    };
  }, undefined);
}

/** Clicks what `find` returns and gives back the one file that click downloaded. */
export async function downloadFrom<A>(page: E2EPage, find: (arg: A) => Element | null | undefined, arg: A): Promise<DownloadedFile> {
  await captureDownloads(page);
  const before = await page.evaluate(() => (window as unknown as { papersiftDownloads: unknown[] }).papersiftDownloads.length, undefined);
  await page.click(find, arg);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const n = await page.evaluate(() => (window as unknown as { papersiftDownloads: unknown[] }).papersiftDownloads.length, undefined);
    if (n === before + 1) break;
    if (n > before + 1) throw new Error(`one click downloaded ${n - before} files`);
    if (Date.now() > deadline) throw new Error('the click downloaded nothing within 10 s');
    await new Promise((r) => setTimeout(r, 50));
  }
  return page.evaluate((i) => (window as unknown as { papersiftDownloads: Array<Promise<DownloadedFile>> }).papersiftDownloads[i]!, before);
}

const AXE = join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

/** Runs axe-core in the page; returns the violations as short readable lines. */
export async function axeViolations(page: E2EPage): Promise<string[]> {
  await page.runScript(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run();
    return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)).join(', ')}`);
  }, undefined);
}
