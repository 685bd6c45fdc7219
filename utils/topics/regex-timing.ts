/**
 * Timing guard for regex terms: scans adversarial texts built from the pattern's own characters, growing
 * towards 10 KB until one scan takes about a millisecond, fits how scan time grows with length, and
 * extrapolates a 10 KB scan. Over budget is refused. Catches cubic blow-ups such as `\w*\w*\w*x` (and any
 * exponential pattern the static analysis missed) long before they get slow.
 */
import { scanRegex } from './regex-scan';

/**
 * Limit for one scan of a 10 KB adversarial text, measured or extrapolated from how scan time grows with
 * the text. Quadratic patterns such as `\p{L}+ing\b` or `(\d+\.){3}\d+` (0.05–0.3 s on 10 KB of one
 * repeated letter, at most a few ms on an abstract-sized text) pass; cubic and worse ones (minutes to
 * forever) are refused. The two classes are over 100× apart, so the verdict does not flip with machine
 * speed or timer noise.
 */
export const REGEX_TIME_BUDGET_MS = 1000;
export const ADVERSARIAL_TEXT_LENGTH = 10_240;

/** Text lengths tried in order: small steps, so an exponential pattern is caught while still fast. */
const SIZES: number[] = [];
for (let n = 8; n < ADVERSARIAL_TEXT_LENGTH; n = Math.max(n + 2, Math.floor(n * 1.2))) SIZES.push(n);
SIZES.push(ADVERSARIAL_TEXT_LENGTH);

const PROSE = 'attention is all you need, mixture-of-experts (MoE) models; 3.5 × faster!\n';

function adversarialTexts(chars: string[]): Array<(n: number) => string> {
  const distinct = [...new Set([...chars, 'a', ' ', '0'])].slice(0, 8);
  const fill = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
  const skeleton = chars.join('') || 'a';
  return [
    ...distinct.map((c) => (n: number) => fill(c, n) + '!'),
    (n: number) => fill(skeleton, n) + '!',
    (n: number) => fill(skeleton, n) + '\u2603',
    (n: number) => fill(PROSE, n),
  ];
}

function timeScan(regex: RegExp, text: string): number {
  const t0 = performance.now();
  scanRegex(regex, text);
  return performance.now() - t0;
}

/** Scans shorter than this are too noisy to extrapolate from. */
const MEASURABLE_MS = 0.1;
/** Once a scan takes this long, the growth fit is trusted and the generator stops (bounds the check's cost). */
const SETTLED_MS = 1;
/** A prediction this far over budget is refused at once: exponential patterns must not get to run long. */
const HOPELESS_FACTOR = 10;

/** Least-squares slope of log(time) over log(size): the polynomial degree of the scan time. */
function growthOf(points: Array<[number, number]>): number {
  const xs = points.map(([n]) => Math.log(n));
  const ys = points.map(([, t]) => Math.log(t));
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += (x - mx) * (ys[i]! - my);
    den += (x - mx) ** 2;
  });
  return den > 0 ? Math.max(1, num / den) : 1;
}

export function timingRisk(regex: RegExp, chars: string[]): string | null {
  for (const make of adversarialTexts(chars)) {
    const points: Array<[number, number]> = [];
    for (const size of SIZES) {
      const text = make(size);
      let time = timeScan(regex, text);
      if (time > REGEX_TIME_BUDGET_MS) time = Math.min(time, timeScan(regex, text)); // a GC pause is not the regex
      if (time > REGEX_TIME_BUDGET_MS) {
        return (
          `too slow: one scan of a ${size}-character adversarial text took ${Math.round(time)} ms ` +
          `(limit ${REGEX_TIME_BUDGET_MS} ms), a sign of heavy backtracking`
        );
      }
      if (time < MEASURABLE_MS) continue;
      time = Math.min(time, timeScan(regex, text)); // the fit must not chase a GC pause
      points.push([size, time]);
      const [firstSize, firstTime] = points[0]!;
      // Extrapolate only from points far enough apart for timer noise not to dominate the exponent.
      if (size < 3 * firstSize && time < 10 * firstTime) continue;
      let growth = growthOf(points);
      let predicted = time * (ADVERSARIAL_TEXT_LENGTH / size) ** growth;
      const settled = time >= SETTLED_MS;
      if (predicted > REGEX_TIME_BUDGET_MS && (settled || predicted > HOPELESS_FACTOR * REGEX_TIME_BUDGET_MS)) {
        time = Math.min(time, timeScan(regex, text)); // confirm before refusing
        points[points.length - 1] = [size, time];
        growth = growthOf(points);
        predicted = time * (ADVERSARIAL_TEXT_LENGTH / size) ** growth;
        if (predicted > REGEX_TIME_BUDGET_MS) {
          return (
            `too slow: scan time grows like n^${growth.toFixed(1)} on adversarial text, about ` +
            `${predicted < 1e6 ? Math.round(predicted) + ' ms' : 'forever'} predicted for ` +
            `${ADVERSARIAL_TEXT_LENGTH} characters (limit ${REGEX_TIME_BUDGET_MS} ms): heavy backtracking`
          );
        }
      }
      if (settled) break;
    }
  }
  return null;
}
