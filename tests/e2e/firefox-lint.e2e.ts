/**
 * The built manifests ask for no more than PaperSift needs, and the Firefox build passes Mozilla's linter.
 *
 * - Chromium (.output/chrome-mv3, built by `npm run test:e2e` before the e2e files run): permissions exactly
 *   `storage` + `contextMenus` + `alarms` (`notifications` optional), host access only to https://huggingface.co/*, no CSP override, no `tabs`,
 *   no `<all_urls>`.
 * - Firefox: built here (`npx wxt build -b firefox`, a few seconds), then `web-ext lint` (offline) must report
 *   0 errors; warnings are printed, not failed on. The add-on id Firefox needs is in the manifest.
 */
/// <reference types="node" />
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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
