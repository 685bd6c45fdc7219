/// <reference types="node" />
/** Where things live in the repository, as absolute paths, so scripts and tests work from any working directory. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The Chromium build of the extension, as `npx wxt build` writes it ($PAPERSIFT_EXT_DIR for another build). */
export const EXT_DIR = process.env.PAPERSIFT_EXT_DIR || join(ROOT, '.output', 'chrome-mv3');
export const FIXTURES_DIR = join(ROOT, 'tests', 'fixtures');
/** Fixtures made by scripts (gitignored). */
export const GENERATED_DIR = join(FIXTURES_DIR, 'generated');
export const MONTH_FIXTURE = join(GENERATED_DIR, 'month-2026-large.html');
export const ARTIFACTS_DIR = join(ROOT, 'artifacts');

/** Where distributions put Chromium; Debian's (the one CI uses) first. */
const CHROMIUM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];

/**
 * The Chromium binary: $PAPERSIFT_CHROMIUM when set, else the first installed candidate, else Debian's path
 * (so error messages name the expected place). A function: the demo may install Chromium while running.
 */
export function chromiumPath(): string {
  return process.env.PAPERSIFT_CHROMIUM || CHROMIUM_CANDIDATES.find((p) => existsSync(p)) || CHROMIUM_CANDIDATES[0]!;
}

const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox'];
/** $PAPERSIFT_FIREFOX, else Debian's firefox-esr (the Firefox leg's), else /usr/bin/firefox. */
export function firefoxPath(): string {
  return process.env.PAPERSIFT_FIREFOX || FIREFOX_CANDIDATES.find((p) => existsSync(p)) || FIREFOX_CANDIDATES[0]!;
}
