/// <reference types="node" />
/**
 * Builds the 1,000-card monthly page (https://huggingface.co/papers/month/2026-11) from the 27-card daily fixture.
 * The 12 MB result is not committed: `ensureMonthFixture()` writes it to tests/fixtures/generated/ on demand.
 *
 * Same scheme as the upstream generator: the daily cards cycled, synthetic unique ids `2611.nnnnn`
 * ((i * 7919 + 1234) mod 100000, so the ids equal the upstream file's), titles from the 2nd cycle on suffixed
 * " (v2)", " (v3)", …, upvotes decreasing (the page is sorted by upvotes), and the `DailyPapers` data-props
 * rebuilt to match the cards with `periodType: 'month'`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { decodeAttr, encodeAttr, escapeText } from './html';
import { FIXTURES_DIR, MONTH_FIXTURE } from './paths';

/** Bump when the output format changes, so stale generated files are rebuilt. */
const GENERATOR_VERSION = 1;
export const MONTH_URL = 'https://huggingface.co/papers/month/2026-11';
export const MONTH_CARD_COUNT = 1000;

interface DailyEntry {
  title: string;
  thumbnail?: string;
  publishedAt?: string;
  paper: { id: string; title: string; upvotes?: number; submittedOnDailyAt?: string; publishedAt?: string };
  [key: string]: unknown;
}

export const monthPaperId = (i: number) => `2611.${String((i * 7919 + 1234) % 100000).padStart(5, '0')}`;
export const monthTitle = (title: string, cycle: number) => (cycle === 0 ? title : `${title} (v${cycle + 1})`);

const PROPS_RE = /(data-target="DailyPapers" data-props=")([^"]*)(")/;
const CARD_RE = /<article[\s\S]*?<\/article>/g;

function replaceOnce(html: string, from: string, to: string): string {
  const i = html.indexOf(from);
  if (i < 0) throw new Error(`month fixture: expected to find ${JSON.stringify(from.slice(0, 80))} in the daily page`);
  return html.slice(0, i) + to + html.slice(i + from.length);
}

const replaceAll = (s: string, from: string, to: string) => s.split(from).join(to);

/** Rewrites one daily card for month entry `i`: links, thumbnail, title and upvote count. */
function rewriteCard(card: string, src: DailyEntry, entry: DailyEntry): string {
  const oldId = src.paper.id;
  const newId = entry.paper.id;
  let out = replaceAll(card, `/papers/${oldId}`, `/papers/${newId}`);
  out = replaceAll(out, `%2Fpapers%2F${oldId}`, `%2Fpapers%2F${newId}`);
  out = replaceOnce(out, `>${escapeText(src.title)}</a></h3>`, `>${escapeText(entry.title)}</a></h3>`);
  if (src.paper.upvotes !== undefined) {
    out = replaceOnce(
      out,
      `<div class="leading-none">${src.paper.upvotes}</div>`,
      `<div class="leading-none">${entry.paper.upvotes}</div>`,
    );
  }
  return out;
}

/** Pure: daily page HTML in, monthly page HTML out. */
export function buildMonthHtml(dailyHtml: string, count = MONTH_CARD_COUNT): string {
  const propsMatch = PROPS_RE.exec(dailyHtml);
  if (!propsMatch) throw new Error('month fixture: no DailyPapers data-props in the daily page');
  const props = JSON.parse(decodeAttr(propsMatch[2]!)) as { dailyPapers: DailyEntry[]; [k: string]: unknown };
  const sources = props.dailyPapers;
  const cards = dailyHtml.match(CARD_RE) ?? [];
  if (cards.length !== sources.length || cards.length === 0) {
    throw new Error(`month fixture: ${cards.length} cards but ${sources.length} data-props entries`);
  }

  const entries: DailyEntry[] = [];
  const cardHtml: string[] = [];
  for (let i = 0; i < count; i++) {
    const k = i % sources.length;
    const src = sources[k]!;
    const id = monthPaperId(i);
    const title = monthTitle(src.title, Math.floor(i / sources.length));
    const day = `2026-11-${String(1 + ((i * 13) % 30)).padStart(2, '0')}T00:00:00.000Z`;
    const upvotes = Math.max(1, Math.floor(900 * 0.996 ** i));
    const entry: DailyEntry = structuredClone(src);
    entry.title = title;
    entry.paper = { ...entry.paper, id, title, upvotes, submittedOnDailyAt: day };
    if (entry.thumbnail) entry.thumbnail = replaceAll(entry.thumbnail, src.paper.id, id);
    entries.push(entry);
    cardHtml.push(rewriteCard(cards[k]!, src, entry));
  }
  if (new Set(entries.map((e) => e.paper.id)).size !== count) throw new Error('month fixture: duplicate ids');

  const monthProps = { ...props, dailyPapers: entries, dateString: '2026-11', prevDate: '2026-10', periodType: 'month' };

  // Cards sit in Svelte's each-block as `<!--[0--><article>…</article><!--]-->`, first to last without gaps.
  const first = dailyHtml.indexOf(cards[0]!);
  const lastCard = cards[cards.length - 1]!;
  const last = dailyHtml.lastIndexOf(lastCard) + lastCard.length;
  let out =
    dailyHtml.slice(0, first) + cardHtml.join('<!--]--><!--[0-->') + dailyHtml.slice(last);

  out = out.replace(PROPS_RE, (_m, a: string, _v: string, c: string) => a + encodeAttr(JSON.stringify(monthProps)) + c);
  out = replaceOnce(out, 'content="https://huggingface.co/papers/date/2026-11-27"', `content="${MONTH_URL}"`);
  out = replaceAll(out, '/papers/date/2026-11-26', '/papers/month/2026-10');
  out = replaceAll(out, '/papers/date/2026-11-28', '/papers/month/2026-12');
  out = replaceOnce(out, 'aria-label="Previous day"', 'aria-label="Previous month"');
  out = replaceOnce(out, 'aria-label="Next day"', 'aria-label="Next month"');
  out = out.replace(
    /<time datetime="2026-11-27T00:00:00.000Z"([^>]*)>Nov 27, 2026<\/time>/,
    '<time datetime="2026-11-01T00:00:00.000Z"$1>November 2026</time>',
  );
  // Active period button: Daily → Monthly.
  const ACTIVE = 'px-2 bg-black text-white dark:bg-gray-800 text-gray-500';
  const IDLE = 'px-2  text-gray-500';
  const btn = (cls: string, label: string) =>
    `<button class="flex items-center whitespace-nowrap rounded-lg ${cls} hover:bg-gray-100 hover:text-gray-700 dark:hover:bg-gray-900 dark:hover:text-gray-300">${label} `;
  out = replaceOnce(out, btn(ACTIVE, 'Daily'), btn(IDLE, 'Daily'));
  out = replaceOnce(out, btn(IDLE, 'Monthly'), btn(ACTIVE, 'Monthly'));
  return out;
}

const DAILY_FIXTURE = join(FIXTURES_DIR, 'daily-2026.html');
const stampPath = (out: string) => `${out}.stamp`;

function inputStamp(dailyHtml: string, count: number): string {
  return createHash('sha256').update(`v${GENERATOR_VERSION}\n${count}\n`).update(dailyHtml).digest('hex');
}

/**
 * Writes the monthly fixture unless an up-to-date one is already there (same daily input, same generator version).
 * Returns its path and whether it was (re)built.
 */
export function ensureMonthFixture(out = MONTH_FIXTURE, count = MONTH_CARD_COUNT): { path: string; built: boolean } {
  const daily = readFileSync(DAILY_FIXTURE, 'utf8');
  const stamp = inputStamp(daily, count);
  if (existsSync(out) && existsSync(stampPath(out)) && readFileSync(stampPath(out), 'utf8') === stamp) {
    return { path: out, built: false };
  }
  mkdirSync(dirname(out), { recursive: true });
  // Write then rename, so a concurrent reader never sees half a file.
  const tmp = `${out}.${process.pid}.tmp`;
  writeFileSync(tmp, buildMonthHtml(daily, count));
  renameSync(tmp, out);
  writeFileSync(stampPath(out), stamp);
  return { path: out, built: true };
}
