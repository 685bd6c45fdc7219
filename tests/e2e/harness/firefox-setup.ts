import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FIREFOX_EXT_DIR } from '../../../scripts/lib/firefox';
import { ensureMonthFixture } from '../../../scripts/lib/month-fixture';
import { firefoxPath, ROOT } from '../../../scripts/lib/paths';
import { CHROMIUM_ONLY, SHARED } from './legs';

/** Runs once before the Firefox leg: the Firefox build, firefox-esr, the month fixture; then says what it skips. */
export default function setup(): void {
  if (!existsSync(join(FIREFOX_EXT_DIR, 'manifest.json'))) {
    throw new Error(`No Firefox build in ${relative(ROOT, FIREFOX_EXT_DIR)}/. Run \`npm run build:firefox\` first.`);
  }
  if (!existsSync(firefoxPath())) throw new Error(`Firefox not found at ${firefoxPath()}: apt-get install -y firefox-esr (or set PAPERSIFT_FIREFOX).`);
  ensureMonthFixture();
  const only = Object.entries(CHROMIUM_ONLY);
  console.log(`Firefox leg: ${SHARED.length} shared e2e files. ${only.length} files run in Chromium only:`);
  for (const [file, why] of only) console.log(`  - ${file}: ${why}`);
}
