/**
 * Makes sure the browsers are installed: Chromium for `npm run demo`, Chromium and Firefox for `npm test` (its
 * `pretest`: `tsx scripts/lib/ensure-browsers.ts chromium firefox`). Installs Debian's package when we may (root with
 * apt-get), otherwise says exactly what to install and exits non-zero.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromiumPath, firefoxPath } from './paths';

interface BrowserNeed {
  name: string;
  path: () => string;
  /** apt packages to try, in order. */
  apt: string[];
  env: string;
  why: string;
  elsewhere: string[];
}

const NEEDS = {
  chromium: {
    name: 'Chromium',
    path: chromiumPath,
    apt: ['chromium', 'chromium-browser'],
    env: 'PAPERSIFT_CHROMIUM',
    why: "PaperSift's demo and end-to-end tests need Chromium",
    elsewhere: ['  Fedora:           sudo dnf install -y chromium', '  Arch:             sudo pacman -S chromium', '  macOS:            brew install --cask chromium'],
  },
  firefox: {
    name: 'Firefox',
    path: firefoxPath,
    apt: ['firefox-esr', 'firefox'],
    env: 'PAPERSIFT_FIREFOX',
    why: "The Firefox leg of PaperSift's end-to-end tests needs Firefox (140 or newer)",
    elsewhere: ['  Fedora:           sudo dnf install -y firefox', '  Arch:             sudo pacman -S firefox', '  macOS:            brew install --cask firefox'],
  },
} satisfies Record<string, BrowserNeed>;
export type BrowserKey = keyof typeof NEEDS;

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const hasCommand = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** Installs the browser with apt when we may (root on Debian/Ubuntu); otherwise says exactly what to install. */
export function ensureBrowser(key: BrowserKey): void {
  const need: BrowserNeed = NEEDS[key];
  if (existsSync(need.path())) return;
  if (process.platform === 'linux' && isRoot() && hasCommand('apt-get')) {
    console.log(`${need.name} is missing: installing it with apt-get.`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const apt = (args: string[]) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
    if (apt(['update']) && need.apt.some((pkg) => apt(['install', '-y', '--no-install-recommends', pkg])) && existsSync(need.path())) return;
  }
  console.error(
    [
      `${need.why}, and none was found at ${need.path()}.`,
      'Install it, then run the command again:',
      `  Debian / Ubuntu:  sudo apt-get update && sudo apt-get install -y ${need.apt[0]}`,
      ...need.elsewhere,
      `Or point ${need.env} at an installed ${need.name} binary.`,
    ].join('\n'),
  );
  process.exit(1);
}

export const ensureChromium = () => ensureBrowser('chromium');

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const keys = process.argv.slice(2);
  for (const key of keys.length ? keys : ['chromium']) {
    if (!(key in NEEDS)) throw new Error(`ensure-browsers: unknown browser ${key} (know: ${Object.keys(NEEDS).join(', ')})`);
    ensureBrowser(key as BrowserKey);
  }
}
