/**
 * `npx tsx scripts/make-month-fixture.ts [--force]`: writes tests/fixtures/generated/month-2026-large.html
 * (1,000 cards, https://huggingface.co/papers/month/2026-11) from the daily fixture. Skips the work when up to date.
 */
import { rmSync } from 'node:fs';
import { relative } from 'node:path';
import { ensureMonthFixture } from './lib/month-fixture';
import { MONTH_FIXTURE, ROOT } from './lib/paths';

if (process.argv.includes('--force')) rmSync(`${MONTH_FIXTURE}.stamp`, { force: true });
const t0 = performance.now();
const { path, built } = ensureMonthFixture();
const ms = Math.round(performance.now() - t0);
console.log(`${relative(ROOT, path)}: ${built ? `generated in ${ms} ms` : 'up to date'}`);
