import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ensureMonthFixture } from '../../scripts/lib/month-fixture';
import { chromiumPath, EXT_DIR, ROOT } from '../../scripts/lib/paths';

/** Runs once before the e2e files: the extension must be built, Chromium present, the month fixture generated. */
export default function setup(): void {
  if (!existsSync(join(EXT_DIR, 'manifest.json'))) {
    throw new Error(
      `No extension build in ${relative(ROOT, EXT_DIR)}/. Run \`npm run build\` first (\`npm run test:e2e\` does it for you).`,
    );
  }
  if (!existsSync(chromiumPath())) {
    throw new Error(`Chromium not found at ${chromiumPath()}: apt-get install -y chromium (or set PAPERSIFT_CHROMIUM).`);
  }
  const { path, built } = ensureMonthFixture();
  if (built) console.log(`generated ${relative(ROOT, path)}`);
}
