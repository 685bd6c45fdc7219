/// <reference types="node" />
/**
 * A page served slowly, in chunks, from a real HTTPS server on loopback (Playwright's routes can only answer with a
 * whole body): for testing what PaperSift does while the HTML is still arriving. Chromium reaches it under the real
 * URL with `slowSiteArgs` (huggingface.co resolved to loopback, the self-signed certificate accepted); the page must
 * be let through the fixture routes with `route.continue()`.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SlowSite {
  port: number;
  /** Chromium flags that send huggingface.co to this server. */
  args: string[];
  /** Resolves when the `n`-th chunk (0-based) of the current response has been written. */
  chunkSent(n: number): Promise<void>;
  close(): Promise<void>;
}

/** Serves `chunks` of one page, `gapMs` apart, for any path. */
export async function startSlowSite(chunks: readonly string[], gapMs: number): Promise<SlowSite> {
  const dir = mkdtempSync(join(tmpdir(), 'papersift-tls-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=huggingface.co', '-days', '1', '-keyout', key, '-out', cert], {
    stdio: 'ignore',
  });
  let sent = -1;
  let waiters: Array<{ n: number; resolve: () => void }> = [];
  const advance = (n: number) => {
    sent = n;
    waiters = waiters.filter((w) => (w.n <= sent ? (w.resolve(), false) : true));
  };
  const server: Server = createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    sent = -1;
    let i = 0;
    const next = () => {
      res.write(chunks[i]!);
      advance(i);
      if (++i < chunks.length) setTimeout(next, gapMs);
      else res.end();
    };
    next();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  rmSync(dir, { recursive: true, force: true });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    args: [`--host-resolver-rules=MAP huggingface.co:443 127.0.0.1:${port}`, '--ignore-certificate-errors'],
    chunkSent: (n) => (n <= sent ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }))),
    close: () => new Promise((r) => server.close(() => r())),
  };
}
