/**
 * Makes sure Chromium is installed, for `npm run demo` and `npm test` (its `pretest`): installs Debian's package when
 * we may (root with apt-get), otherwise says exactly what to install and exits non-zero.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromiumPath } from './paths';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const hasCommand = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

/** Installs Chromium with apt when we may (root on Debian/Ubuntu); otherwise says exactly what to install. */
export function ensureChromium(): void {
  if (existsSync(chromiumPath())) return;
  if (process.platform === 'linux' && isRoot() && hasCommand('apt-get')) {
    console.log('Chromium is missing: installing it with apt-get.');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const apt = (args: string[]) => spawnSync('apt-get', args, { stdio: 'inherit', env }).status === 0;
    if (apt(['update']) && (apt(['install', '-y', 'chromium']) || apt(['install', '-y', 'chromium-browser']))) {
      if (existsSync(chromiumPath())) return;
    }
  }
  console.error(
    [
      `PaperSift's demo and end-to-end tests need Chromium, and none was found at ${chromiumPath()}.`,
      'Install it, then run the command again:',
      '  Debian / Ubuntu:  sudo apt-get update && sudo apt-get install -y chromium',
      '  Fedora:           sudo dnf install -y chromium',
      '  Arch:             sudo pacman -S chromium',
      '  macOS:            brew install --cask chromium',
      'Or point PAPERSIFT_CHROMIUM at an installed Chromium or Chrome binary.',
    ].join('\n'),
  );
  process.exit(1);
}


if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) ensureChromium();
