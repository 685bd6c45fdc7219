/**
 * Static backtracking analysis of a regex (see regex-safety.ts for the policy). Character sets are
 * approximated over a sample alphabet: the set of a node is the subset of SAMPLE it can start with.
 *
 * Inside any repetition (max > 1) it refuses
 * - a variable part (`+`, `*`, `?`, `{m,n}`) whose characters can also start what follows it, including the
 *   next round of the loop: `(a+)+`, `(.*a){20}`, `(\w+\s?)*`, `(a?a?)+`;
 * - alternatives that can start with the same character, unless both are distinct literals neither of
 *   which is a prefix of the other: `(a|a)*`, `(a|ab)+`, `(\w|\d)+` refused, `(cat|car)+` allowed.
 * Such patterns can match one text in exponentially many ways, which a near-miss makes the engine try.
 */
import type { RxNode } from './regex-ast';

const SAMPLE_BASE = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ' ',
  ...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
  '\t',
  '\n',
  'é',
  'ß',
  'α',
  'Ж',
  '中',
  '٣',
  '\u00a0',
];
const SAMPLE_UNICODE = [...SAMPLE_BASE, '😀'];

type CharSet = boolean[];
interface Info {
  nullable: boolean;
  first: CharSet;
}

export class BacktrackingAnalysis {
  private readonly sample: string[];
  private readonly infos = new Map<RxNode, Info>();
  private readonly sets = new Map<string, CharSet>();

  constructor(
    private readonly pattern: string,
    private readonly flags: string,
  ) {
    this.sample = flags.includes('u') || flags.includes('v') ? SAMPLE_UNICODE : SAMPLE_BASE;
  }

  findRisk(root: RxNode): string | null {
    return this.scan(root);
  }

  /** Characters that drive the pattern, for adversarial texts: up to two per consuming node, in order. */
  sampleText(root: RxNode): string[] {
    const chars: string[] = [];
    const walk = (n: RxNode) => {
      if (n.type === 'char') {
        const set = this.charSet(n.src);
        let taken = 0;
        for (let i = 0; i < set.length && taken < 2; i++) {
          if (!set[i]) continue;
          chars.push(this.sample[i]!);
          taken++;
        }
      } else if (n.type === 'alt') n.alts.forEach(walk);
      else if (n.type === 'seq') n.items.forEach(walk);
      else if (n.type === 'group' || n.type === 'quant') walk(n.body);
    };
    walk(root);
    return chars;
  }

  private src(n: RxNode): string {
    return this.pattern.slice(n.from, n.to);
  }

  private charSet(src: string): CharSet {
    let set = this.sets.get(src);
    if (!set) {
      try {
        const re = new RegExp(`^(?:${src})$`, this.flags);
        set = this.sample.map((ch) => re.test(ch));
      } catch {
        set = this.sample.map(() => true);
      }
      this.sets.set(src, set);
    }
    return set;
  }

  private info(n: RxNode): Info {
    let info = this.infos.get(n);
    if (info) return info;
    const none = () => this.sample.map(() => false);
    switch (n.type) {
      case 'char':
        info = { nullable: false, first: this.charSet(n.src) };
        break;
      case 'assert':
        info = { nullable: true, first: none() };
        break;
      case 'backref':
        info = { nullable: true, first: this.sample.map(() => true) };
        break;
      case 'group':
        info = n.lookaround ? { nullable: true, first: none() } : this.info(n.body);
        break;
      case 'quant': {
        const body = this.info(n.body);
        info = { nullable: n.min === 0 || body.nullable, first: body.first };
        break;
      }
      case 'alt': {
        const parts = n.alts.map((a) => this.info(a));
        info = { nullable: parts.some((p) => p.nullable), first: union(...parts.map((p) => p.first)) };
        break;
      }
      case 'seq': {
        let first = none();
        let nullable = true;
        for (const item of n.items) {
          const i = this.info(item);
          first = union(first, i.first);
          if (!i.nullable) {
            nullable = false;
            break;
          }
        }
        info = { nullable, first };
        break;
      }
    }
    this.infos.set(n, info);
    return info;
  }

  /** Outside any repetition: look for repetitions and analyse their bodies. */
  private scan(n: RxNode): string | null {
    switch (n.type) {
      case 'quant':
        if (n.max > 1) return this.visit(n.body, this.info(n.body).first, n);
        return this.scan(n.body);
      case 'group':
        return this.scan(n.body);
      case 'alt':
        return firstOf(n.alts, (a) => this.scan(a));
      case 'seq':
        return firstOf(n.items, (a) => this.scan(a));
      default:
        return null;
    }
  }

  /** Inside the repetition `loop`; `follow` = characters that can come right after `n`. */
  private visit(n: RxNode, follow: CharSet, loop: RxNode): string | null {
    switch (n.type) {
      case 'group':
        return n.lookaround ? this.scan(n.body) : this.visit(n.body, follow, loop);
      case 'seq': {
        let after = follow;
        for (let i = n.items.length - 1; i >= 0; i--) {
          const item = n.items[i]!;
          const risk = this.visit(item, after, loop);
          if (risk) return risk;
          const info = this.info(item);
          after = info.nullable ? union(info.first, after) : info.first;
        }
        return null;
      }
      case 'alt': {
        const effective = n.alts.map((a) => {
          const info = this.info(a);
          return info.nullable ? union(info.first, follow) : info.first;
        });
        for (let a = 0; a < n.alts.length; a++) {
          for (let b = a + 1; b < n.alts.length; b++) {
            if (!intersects(effective[a]!, effective[b]!)) continue;
            if (this.distinctLiterals(n.alts[a]!, n.alts[b]!)) continue;
            return (
              `overlapping alternatives: "${this.src(n.alts[a]!)}" and "${this.src(n.alts[b]!)}" can match the same ` +
              `text inside the repetition "${this.src(loop)}", so backtracking can take exponential time`
            );
          }
        }
        return firstOf(n.alts, (a) => this.visit(a, follow, loop));
      }
      case 'quant': {
        const body = this.info(n.body);
        if (n.min !== n.max && intersects(body.first, follow)) {
          const kind = n.max > 1 ? 'nested quantifiers' : 'ambiguous optional part';
          return (
            `${kind}: "${this.src(n)}" inside the repetition "${this.src(loop)}" can match the same characters as ` +
            `what follows it, so on a near-miss the engine backtracks catastrophically (exponential time)`
          );
        }
        return this.visit(n.body, n.max > 1 ? union(body.first, follow) : follow, loop);
      }
      default:
        return null;
    }
  }

  /** `cat|car` is safe under a loop although both start with "c": distinct literals, neither a prefix. */
  private distinctLiterals(a: RxNode, b: RxNode): boolean {
    const la = this.literal(a);
    const lb = this.literal(b);
    return la !== null && lb !== null && la !== '' && lb !== '' && !la.startsWith(lb) && !lb.startsWith(la);
  }

  private literal(n: RxNode): string | null {
    if (n.type === 'group' && !n.lookaround) return this.literal(n.body);
    if (n.type === 'char') {
      const chars = this.sample.filter((_, i) => this.charSet(n.src)[i]).map((c) => c.toLowerCase());
      return chars.length > 0 && chars.every((c) => c === chars[0]) ? chars[0]! : null;
    }
    if (n.type !== 'seq') return null;
    let out = '';
    for (const item of n.items) {
      const part = this.literal(item);
      if (part === null) return null;
      out += part;
    }
    return out;
  }
}

function union(...sets: CharSet[]): CharSet {
  const out = sets[0]!.slice();
  for (const set of sets.slice(1)) for (let i = 0; i < set.length; i++) if (set[i]) out[i] = true;
  return out;
}

function intersects(a: CharSet, b: CharSet): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] && b[i]) return true;
  return false;
}

function firstOf<T>(items: T[], f: (item: T) => string | null): string | null {
  for (const item of items) {
    const r = f(item);
    if (r) return r;
  }
  return null;
}
