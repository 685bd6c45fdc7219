/**
 * `npm run demo`: builds PaperSift, makes sure Chromium is there, and opens the bundled Hugging Face daily page at its
 * real URL (https://huggingface.co/papers/date/2026-11-27, served offline) with the extension loaded.
 *
 * - With a display ($DISPLAY, or macOS/Windows): a real window; the demo ends when you close it.
 * - Without one (or with --headless): a short scripted tour — save a paper, hide another, add a topic in the popup —
 *   written as screenshots to artifacts/demo/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { launchPaperSift, type PaperSiftBrowser } from './lib/browser';
import { waitForDecoration } from './lib/decoration';
import { fixtureHtml, listedPapers, PAGES } from './lib/fixtures';
import { ensureChromium } from './lib/ensure-browsers';
import { ARTIFACTS_DIR, ROOT } from './lib/paths';

const OUT_DIR = join(ARTIFACTS_DIR, 'demo');

function run(cmd: string, args: string[]): boolean {
  console.log(`$ ${[cmd, ...args].join(' ')}`);
  return spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit' }).status === 0;
}

function build(): void {
  if (!existsSync(join(ROOT, 'node_modules', '.bin', 'wxt')) && !run('npm', ['ci'])) process.exit(1);
  if (!run('npx', ['wxt', 'build'])) {
    console.error('The extension did not build; see the errors above.');
    process.exit(1);
  }
}

async function headed(): Promise<void> {
  const browser = await launchPaperSift({ headless: false, viewport: null });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(PAGES.daily.url);
  console.log(
    [
      '',
      `Chromium is open on ${PAGES.daily.url} (the bundled copy: the demo works offline).`,
      'Try Save and Hide on a card, then the PaperSift toolbar button (pin it from the puzzle-piece menu).',
      'Close the window (or press Ctrl+C) to end the demo.',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    browser.context.on('close', () => resolve());
    process.once('SIGINT', () => resolve());
  });
  await browser.close();
}

async function tour(): Promise<void> {
  mkdirSync(OUT_DIR, { recursive: true });
  const shots: string[] = [];
  const shot = async (p: import('playwright-core').Page, name: string) => {
    const file = join(OUT_DIR, name);
    await p.screenshot({ path: file });
    shots.push(file);
    console.log(`  ${relative(ROOT, file)}`);
  };
  const papers = listedPapers(fixtureHtml('daily'));
  const [toSave, toHide] = [papers[0]!, papers[1]!];
  let browser: PaperSiftBrowser | undefined;
  try {
    browser = await launchPaperSift();
    console.log(`Headless tour of ${PAGES.daily.url} with PaperSift ${browser.extensionId}:`);
    const page = await browser.open('daily');
    await waitForDecoration(page, papers.length);
    await shot(page, '01-daily-page.png');

    const saveCard = page.locator(`[data-papersift-id="${toSave.id}"]`);
    await saveCard.getByRole('button', { name: /Save/ }).click();
    await page.waitForSelector(`[data-papersift-id="${toSave.id}"][data-papersift-saved]`);
    console.log(`  saved "${toSave.title}"`);
    const hideCard = page.locator(`[data-papersift-id="${toHide.id}"]`);
    await hideCard.getByRole('button', { name: /\bHide\b/ }).click();
    await page.waitForSelector(`[data-papersift-id="${toHide.id}"][data-papersift-hidden]`);
    console.log(`  hid "${toHide.title}"`);

    // A topic, typed into the popup as a reader would: every open papers tab highlights its matches at once.
    const popup = await browser.openPopup(await browser.tabId(page));
    await popup.getByText(/papers? found|found no papers/).first().waitFor({ timeout: 10_000 });
    await popup.getByRole('textbox', { name: /topic/i }).fill('ensemble');
    await popup.keyboard.press('Enter');
    await page.waitForSelector('[data-papersift-topics]', { timeout: 10_000 });
    const matched = await page.locator('[data-papersift-topics]').count();
    console.log(`  added the topic "ensemble": ${matched} papers highlighted`);
    await popup.getByRole('link', { name: toSave.title }).waitFor({ timeout: 10_000 });
    await popup.waitForTimeout(1600); // the popup refreshes its per-topic counts from the page
    await shot(popup, '03-popup.png');
    await popup.close();

    await page.bringToFront();
    await page.waitForTimeout(300); // let the placeholder and highlights settle before the picture
    await shot(page, '02-saved-hidden-highlighted.png');

    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await waitForDecoration(page, papers.length);
    await page.waitForSelector('[data-papersift-topics]', { timeout: 10_000 });
    await page.waitForTimeout(500); // topics are matched in slices; the summary bar follows within a moment
    await shot(page, '04-dark-mode.png');
  } finally {
    await browser?.close();
  }
  console.log(`\nDone: ${shots.length} screenshots in ${relative(ROOT, OUT_DIR)}/ (${OUT_DIR}).`);
}

const wantHeadless = process.argv.includes('--headless');
const hasDisplay = process.platform !== 'linux' || !!process.env.DISPLAY || !!process.env.WAYLAND_DISPLAY;

build();
ensureChromium();
if (hasDisplay && !wantHeadless) await headed();
else
  await tour().catch((err: unknown) => {
    console.error(`\nThe demo tour stopped: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
