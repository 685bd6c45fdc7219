import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cssString, firstTopicIs, paletteHighlightName, TopicHighlights } from '../../../../../entrypoints/content/features/topics/topic-highlights';
import type { Topic } from '../../../../../utils/topics';
import { TOPIC_PALETTE } from '../../../../../utils/topics/palette';

const card = (topics: string) => {
  const el = document.createElement('article');
  el.setAttribute('data-papersift-topics', topics);
  return el;
};

const topic = (id: string, name: string, colour: string): Topic =>
  ({ id, name, colour, mode: 'highlight', terms: [name], exclusions: [], fields: ['title'], createdAt: 0, updatedAt: 0 }) as unknown as Topic;

afterEach(() => {
  document.head.replaceChildren();
  vi.unstubAllGlobals();
});

describe('ring rules', () => {
  it('select the cards whose first topic is the one named, whatever the name holds', () => {
    // (Names with a double quote are checked in Chromium, in topics-page.e2e.ts: happy-dom's selector parser
    // refuses an escaped quote inside an attribute value.)
    const names = ['A', 'Diffusion', 'back\\slash', '🧪 lab, bench', 'ünïcødé'];
    for (const name of names) {
      const sel = firstTopicIs(name);
      expect(card(name).matches(sel)).toBe(true);
      expect(card(`${name},Other`).matches(sel)).toBe(true);
      expect(card(`Other,${name}`).matches(sel)).toBe(false); // not its strongest topic
      expect(card(`${name}x`).matches(sel)).toBe(false); // another name that starts the same
    }
  });

  it('escapes what would end the CSS string or the rule', () => {
    expect(cssString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(cssString('x\ny')).toBe('"x\\a y"');
    expect(cssString('} body { color: red')).toBe('"} body { color: red"'); // inside a string: harmless text
  });

  it('put longer names last, so "A,B" wins over "A" on a card whose first topic is "A,B"', () => {
    const h = new TopicHighlights();
    h.setTopics([topic('ab', 'A,B', '#111111'), topic('a', 'A', '#222222')]);
    const sheet = document.querySelector('style[data-papersift-style="highlights"]')!.textContent!;
    const rings = sheet.split('\n').filter((r) => r.startsWith('[data-papersift-topics]:is('));
    expect(rings.map((r) => r.match(/#\d{6}/)![0])).toEqual(['#222222', '#111111']);
    h.destroy();
  });
});

describe('the topics stylesheet', () => {
  // Adding or rewriting a stylesheet restyles the whole page (the month page's first frame after PaperSift started
  // was 50–60 ms with an empty one added): no rules, no sheet; the same rules, no write.
  it('is not added while there are no rules, and is not rewritten when its rules stay the same', () => {
    const h = new TopicHighlights();
    h.setTopics([]);
    expect(document.querySelector('style[data-papersift-style="highlights"]')).toBeNull();
    h.setTopics([topic('a', 'A', '#111111')]);
    const style = document.querySelector('style[data-papersift-style="highlights"]')!;
    const writes = vi.fn();
    new MutationObserver(writes).observe(style, { childList: true, characterData: true, subtree: true });
    h.setTopics([topic('a', 'A', '#111111')]);
    h.setTopics([topic('a', 'A', '#222222')]);
    return Promise.resolve().then(() => {
      expect(writes).toHaveBeenCalledTimes(1); // only the colour change
      expect(style.textContent).toContain('#222222');
      h.setTopics([]);
      expect(style.textContent).toBe(''); // the rules go with the topics
      h.destroy();
    });
  });
});

describe('word marks', () => {
  it('hooks.css colours a highlight for every palette colour, in the palette\'s order', () => {
    const pageHooksCss = readFileSync('entrypoints/content/hooks.css', 'utf8') // vitest runs from the project root;
    TOPIC_PALETTE.forEach((c, i) => {
      expect(paletteHighlightName(c.toUpperCase())).toBe(`papersift-c${i}`);
      expect(pageHooksCss).toContain(`::highlight(papersift-c${i}) { background-color: ${c}4d; text-decoration: underline 2px ${c}; }`);
    });
    expect(pageHooksCss.match(/::highlight\(papersift-c\d+\)/g)).toHaveLength(TOPIC_PALETTE.length);
  });

  it('palette colours use those highlights (shared by topics of one colour); a custom colour gets its own rule', () => {
    const registry = new Map<string, Set<unknown>>();
    vi.stubGlobal('CSS', { highlights: registry });
    vi.stubGlobal('Highlight', class extends Set<unknown> {});
    const h = new TopicHighlights();
    const [blue, green] = [TOPIC_PALETTE[0]!, TOPIC_PALETTE[2]!];
    h.setTopics([topic('a', 'A', blue), topic('b', 'B', '#123456'), topic('c', 'C', blue), topic('d', 'D', green)]);
    expect([...registry.keys()].sort()).toEqual(['papersift-c0', 'papersift-c2', 'papersift-topic-1']);
    const sheet = document.querySelector('style[data-papersift-style="highlights"]')!.textContent!;
    expect(sheet.match(/::highlight\([^)]*\)/g)).toEqual(['::highlight(papersift-topic-1)']);
    // Marks of A and C go to the one blue highlight, and each card's marks can still be taken back on their own.
    const [card1, card2] = [{}, {}];
    const r1 = {} as AbstractRange;
    const r2 = {} as AbstractRange;
    h.paint(card1, [{ topicId: 'a', range: r1 }]);
    h.paint(card2, [{ topicId: 'c', range: r2 }]);
    expect([...registry.get('papersift-c0')!]).toEqual([r1, r2]);
    h.clear(card1);
    expect([...registry.get('papersift-c0')!]).toEqual([r2]);
    h.setTopics([]);
    expect(registry.size).toBe(0);
    h.destroy();
  });
  it('never iterates CSS.highlights (Firefox content scripts throw on it): topics apply and are replaced', () => {
    // Firefox's Xray wrapper: get/set/has/delete/size work, every kind of iteration throws.
    const inner = new Map<string, Set<unknown>>();
    const xray = () => {
      throw new Error('Xray wrapping of iterators not supported');
    };
    const registry = {
      get: (k: string) => inner.get(k),
      set: (k: string, v: Set<unknown>) => inner.set(k, v),
      has: (k: string) => inner.has(k),
      delete: (k: string) => inner.delete(k),
      get size() {
        return inner.size;
      },
      [Symbol.iterator]: xray,
      keys: xray,
      entries: xray,
      forEach: xray,
    };
    vi.stubGlobal('CSS', { highlights: registry });
    vi.stubGlobal('Highlight', class extends Set<unknown> {});
    const h = new TopicHighlights();
    h.setTopics([topic('a', 'A', TOPIC_PALETTE[0]!), topic('b', 'B', '#123456')]);
    expect([...inner.keys()].sort()).toEqual(['papersift-c0', 'papersift-topic-1']);
    h.setTopics([topic('d', 'D', TOPIC_PALETTE[2]!)]);
    expect([...inner.keys()]).toEqual(['papersift-c2']);
    // A highlight left by an earlier instance of the script (an extension update) goes too.
    inner.set('papersift-c5', new Set());
    const next = new TopicHighlights();
    next.setTopics([]);
    expect(inner.size).toBe(0);
    h.destroy();
    next.destroy();
  });
});
