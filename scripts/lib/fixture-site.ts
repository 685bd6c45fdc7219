/// <reference types="node" />
/**
 * The fake huggingface.co that both browsers' harnesses route every request to (the machine has no internet):
 * pages and the Daily Papers API from tests/fixtures, the site's stylesheet at the URL the pages link, a 1×1
 * transparent PNG for images, a 404 for any other huggingface.co URL and an abort for any other host.
 * It needs only the part of Playwright's `Route` it uses; the Firefox harness adapts puppeteer's requests to it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Route } from 'playwright-core';
import { API_DAILY, PAGES, SITE_CSS } from './fixtures';

const TRANSPARENT_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const STYLESHEET_PATH = /^\/front\/build\/kube-[^/]+\/style\.css$/;
const IMAGE_PATH = /\.(png|jpe?g|gif|svg|webp|ico|avif)$/i;

interface Body {
  /** A fixture file (re-read when it changes, so a regenerated one is picked up), or a fixed body. */
  file?: string;
  body?: string;
  contentType: string;
  /** Extra response headers (e.g. a Content-Security-Policy a test page is served with). */
  headers?: Record<string, string>;
}

/** What the fake huggingface.co serves. Tests add page variants with `servePage`. */
export class FixtureSite {
  private readonly bodies = new Map<string, Body>();
  /** huggingface.co URLs that got a 404 and other hosts that were aborted: handy when a page looks wrong. */
  readonly misses: string[] = [];

  constructor() {
    for (const page of Object.values(PAGES)) this.bodies.set(key(page.url), { file: page.file, contentType: HTML });
    this.bodies.set(key(API_DAILY.url), { file: API_DAILY.file, contentType: 'application/json; charset=utf-8' });
  }

  /** Serves `html` at `url` (exact path and query; the fragment is ignored), with any extra headers. */
  servePage(url: string, html: string, headers?: Record<string, string>): void {
    this.bodies.set(key(url), { body: html, contentType: HTML, headers });
  }

  async handle(route: Route): Promise<void> {
    const request = route.request();
    const url = new URL(request.url());
    const isHf = url.hostname === 'huggingface.co' || url.hostname.endsWith('.huggingface.co');
    if (isHf && url.hostname === 'huggingface.co' && STYLESHEET_PATH.test(url.pathname)) {
      return route.fulfill({ status: 200, contentType: 'text/css; charset=utf-8', body: readCached(SITE_CSS) });
    }
    if (isHf && url.hostname === 'huggingface.co') {
      const entry = this.bodies.get(key(url.href));
      if (entry) {
        let body: string | Buffer;
        try {
          body = entry.body ?? readCached(entry.file!);
        } catch (err) {
          // Answer rather than throw: a route handler that throws leaves the page waiting for its timeout.
          return route.fulfill({ status: 500, contentType: 'text/plain', body: String(err) });
        }
        return route.fulfill({ status: 200, contentType: entry.contentType, body, headers: { 'cache-control': 'no-store', ...entry.headers } });
      }
    }
    if (isHf && (request.resourceType() === 'image' || IMAGE_PATH.test(url.pathname))) {
      return route.fulfill({ status: 200, contentType: 'image/png', body: TRANSPARENT_PNG });
    }
    this.misses.push(url.href);
    if (isHf) return route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not in the offline fixtures' });
    return route.abort('blockedbyclient');
  }
}

const HTML = 'text/html; charset=utf-8';
const key = (url: string) => {
  const u = new URL(url);
  return u.origin + u.pathname + u.search;
};

const fileCache = new Map<string, { mtimeMs: number; body: Buffer }>();
/** Reads a fixture, re-reading only when it changed: the month page is 12 MB and the bench loads it many times. */
function readCached(file: string): Buffer {
  if (!existsSync(file)) throw new Error(`fixture missing: ${file}`);
  const { mtimeMs } = statSync(file);
  const hit = fileCache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.body;
  const body = readFileSync(file);
  fileCache.set(file, { mtimeMs, body });
  return body;
}
