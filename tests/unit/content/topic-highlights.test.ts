import { afterEach, describe, expect, it } from 'vitest';
import { cssString, firstTopicIs, TopicHighlights } from '../../../utils/content/topic-highlights';
import type { Topic } from '../../../utils/topics';

const card = (topics: string) => {
  const el = document.createElement('article');
  el.setAttribute('data-papersift-topics', topics);
  return el;
};

const topic = (id: string, name: string, colour: string): Topic =>
  ({ id, name, colour, mode: 'highlight', terms: [name], exclusions: [], fields: ['title'], createdAt: 0, updatedAt: 0 }) as unknown as Topic;

afterEach(() => document.head.replaceChildren());

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
