/**
 * The built manifests ask for no more than PaperSift needs, and the Firefox build passes Mozilla's linter.
 *
 * - Chromium (.output/chrome-mv3, built by `npm run test:e2e` before the e2e files run): permissions exactly
 *   `storage` + `contextMenus` + `alarms` (`notifications` optional), host access only to https://huggingface.co/*, no CSP override, no `tabs`,
 *   no `<all_urls>`.
 * - Firefox: built here (`npx wxt build -b firefox`, a few seconds), then `web-ext lint` (offline) must report
 *   0 errors; warnings are printed, not failed on. The add-on id Firefox needs is in the manifest.
 * - The store packages (`npm run zip`): the Firefox zip (what is uploaded to AMO) linted as uploaded, with 0 errors and
 *   no warning but the one PaperSift cannot fix (UNSAFE_VAR_ASSIGNMENT in Preact's own dangerouslySetInnerHTML
 *   support, which PaperSift never uses); icons at every size the stores ask for; the sources zip for reviewers.
 */
/// <reference types="node" />
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXT_DIR, ROOT } from '../../scripts/lib/paths';

const FIREFOX_DIR = join(ROOT, '.output', 'firefox-mv2');
const HOST = 'https://huggingface.co/*';

type Manifest = Record<string, unknown> & {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: Array<{ matches: string[] }>;
  web_accessible_resources?: unknown;
  browser_specific_settings?: { gecko?: { id?: string } };
};

const readManifest = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
}
interface LintReport {
  count: number;
  summary: { errors: number; notices: number; warnings: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/** What no manifest of PaperSift may contain, wherever it appears. */
function expectNoBroadAccess(manifest: Manifest): void {
  const text = JSON.stringify(manifest);
  expect(text).not.toContain('<all_urls>');
  expect(text).not.toMatch(/"\*:\/\/\*\/\*"|"https?:\/\/\*\/\*"/);
  expect(manifest).not.toHaveProperty('content_security_policy');
  expect(manifest).not.toHaveProperty('externally_connectable');
  expect(manifest).not.toHaveProperty('web_accessible_resources');
  for (const key of ['permissions', 'optional_permissions', 'host_permissions', 'optional_host_permissions'] as const) {
    expect(manifest[key] ?? [], key).not.toContain('tabs');
  }
  // The digest's notification is asked for only when the reader turns it on.
  expect(manifest.optional_permissions ?? []).toEqual(['notifications']);
  expect(manifest.optional_host_permissions ?? []).toEqual([]);
  for (const script of manifest.content_scripts ?? []) {
    for (const match of script.matches) expect(match, 'content script match').toMatch(/^https:\/\/huggingface\.co\/papers/);
  }
}

describe('Chromium manifest (.output/chrome-mv3)', () => {
  it('asks for storage + contextMenus + alarms and huggingface.co only', () => {
    expect(existsSync(join(EXT_DIR, 'manifest.json')), 'run `npx wxt build` first').toBe(true);
    const manifest = readManifest(EXT_DIR);
    expect(manifest.manifest_version).toBe(3);
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['alarms', 'contextMenus', 'storage']);
    expect(manifest.host_permissions).toEqual([HOST]);
    expectNoBroadAccess(manifest);
  });
});

describe('Firefox build (.output/firefox-mv2)', () => {
  let build: ReturnType<typeof spawnSync>;
  beforeAll(() => {
    build = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  }, 150_000);

  it('builds', () => {
    expect(build.error).toBeUndefined();
    expect(build.status, `${build.stdout}\n${build.stderr}`).toBe(0);
    expect(existsSync(join(FIREFOX_DIR, 'manifest.json'))).toBe(true);
  });

  it('has the add-on id and the same narrow permissions', () => {
    const manifest = readManifest(FIREFOX_DIR);
    expect(manifest.manifest_version).toBe(2);
    const id = manifest.browser_specific_settings?.gecko?.id;
    expect(typeof id === 'string' && id.length > 0, 'browser_specific_settings.gecko.id').toBe(true);
    // MV2 lists host access among the permissions.
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['alarms', 'contextMenus', HOST, 'storage'].sort());
    expectNoBroadAccess(manifest);
  });

  it('passes web-ext lint with 0 errors', () => {
    const lint = spawnSync('npx', ['web-ext', 'lint', '--source-dir', FIREFOX_DIR, '--output', 'json', '--boring'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(lint.error).toBeUndefined();
    // The JSON report is the whole of stdout (web-ext exits non-zero when there are errors).
    const json = lint.stdout.slice(lint.stdout.indexOf('{'));
    let report: LintReport;
    try {
      report = JSON.parse(json) as LintReport;
    } catch {
      throw new Error(`web-ext lint printed no JSON report (exit ${lint.status}):\n${lint.stdout}\n${lint.stderr}`);
    }
    const show = (m: LintMessage) => `${m.code}: ${m.message}${m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : ''}`;
    if (report.warnings.length > 0) console.log(`web-ext lint warnings:\n${report.warnings.map(show).join('\n')}`);
    expect(report.errors.map(show)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  });
});

describe('store packages (npm run zip)', () => {
  const zips = () => readdirSync(join(ROOT, '.output')).filter((f) => f.endsWith('.zip'));
  let zip: ReturnType<typeof spawnSync>;
  beforeAll(() => {
    zip = spawnSync('npx', ['wxt', 'zip', '-b', 'firefox'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  }, 150_000);

  it('builds the Firefox zip and the sources zip', () => {
    expect(zip.status, `${zip.stdout}\n${zip.stderr}`).toBe(0);
    expect(zips()).toEqual(expect.arrayContaining([expect.stringMatching(/-firefox\.zip$/), expect.stringMatching(/-sources\.zip$/)]));
  });

  it('the manifest names an icon at 16, 32, 48, 96 and 128 px, each a PNG of that size', () => {
    const manifest = readManifest(FIREFOX_DIR) as Manifest & { icons?: Record<string, string> };
    expect(Object.keys(manifest.icons ?? {}).sort((a, b) => +a - +b)).toEqual(['16', '32', '48', '96', '128']);
    for (const [size, file] of Object.entries(manifest.icons ?? {})) {
      const png = readFileSync(join(FIREFOX_DIR, file));
      expect(png.subarray(1, 4).toString('ascii'), file).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], file).toEqual([+size, +size]);
    }
  });

  it('the Firefox zip, as uploaded, lints with 0 errors and no fixable warning', () => {
    const file = zips().find((f) => f.endsWith('-firefox.zip'))!;
    const lint = spawnSync('npx', ['addons-linter', join(ROOT, '.output', file), '--output', 'json', '--boring'], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    });
    const report = JSON.parse(lint.stdout.slice(lint.stdout.indexOf('{'))) as LintReport;
    expect(report.summary.errors).toBe(0);
    // Preact's runtime assigns innerHTML for dangerouslySetInnerHTML; PaperSift never passes it, and it is not ours to fix.
    const unfixable = (m: LintMessage) => m.code === 'UNSAFE_VAR_ASSIGNMENT' && /^chunks\//.test(m.file ?? '');
    expect(report.warnings.filter((m) => !unfixable(m)).map((m) => `${m.code} ${m.file ?? ''}`)).toEqual([]);
  });
});
