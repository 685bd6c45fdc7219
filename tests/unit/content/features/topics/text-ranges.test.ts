import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { mapElementText } from '../../../../../entrypoints/content/features/topics/text-ranges';
import { collapse } from '../../../../../utils/hf/text';

afterEach(() => {
  document.body.replaceChildren();
});

const el = (tag: string, ...kids: Array<Node | string>): HTMLElement => {
  const e = document.createElement(tag);
  e.append(...kids);
  return e;
};

/** `\n  <a>  Deep \n <em>Ensemble</em>\n  Learn</a><span>ing\t of</span>  <b> things </b>  ` */
function title(): HTMLElement {
  const h = el(
    'h3',
    '\n  ',
    el('a', '  Deep \n ', el('em', 'Ensemble'), '\n  Learn'),
    el('span', 'ing\t of'),
    '  ',
    el('b', ' things '),
    '  ',
  );
  document.body.append(h);
  return h;
}

/** The text a mark covers (marks may be StaticRanges, which have no toString of their own). */
function textIn(r: AbstractRange): string {
  const live = document.createRange();
  live.setStart(r.startContainer, r.startOffset);
  live.setEnd(r.endContainer, r.endOffset);
  return live.toString();
}

/** Every [start, end) that covers no space of the collapsed text: those ranges hold exactly the text's characters. */
function spaceFreeSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let s = 0; s < text.length; s++)
    for (let e = s + 1; e <= text.length && text[e - 1] !== ' '; e++) if (text[s] !== ' ') out.push([s, e]);
  return out;
}

describe('mapElementText', () => {
  it('collapses and trims whitespace across several text nodes and nested elements, like textOf', () => {
    const h = title();
    const mapped = mapElementText(h);
    expect(mapped.text).toBe('Deep Ensemble Learning of things');
    expect(mapped.text).toBe(collapse(h.textContent));
  });

  it('range(start, end).toString() is text.slice(start, end), also across element boundaries', () => {
    const mapped = mapElementText(title());
    const { text } = mapped;
    for (const [s, e] of spaceFreeSpans(text)) expect(textIn(mapped.range(s, e)!)).toBe(text.slice(s, e));
    // "Learning" is split over <a> and <span>: one range still covers it.
    const i = text.indexOf('Learning');
    expect(textIn(mapped.range(i, i + 'Learning'.length)!)).toBe('Learning');
    // Spans over collapsed whitespace hold the page's own whitespace: equal once collapsed.
    for (let s = 0; s < text.length; s++)
      for (let e = s + 1; e <= text.length; e++) expect(collapse(textIn(mapped.range(s, e)!))).toBe(collapse(text.slice(s, e)));
  });

  it('ranges point into the element\'s own text nodes', () => {
    const h = title();
    const mapped = mapElementText(h);
    const r = mapped.range(0, mapped.text.length)!;
    expect(r.startContainer.nodeType).toBe(Node.TEXT_NODE);
    expect(r.endContainer.nodeType).toBe(Node.TEXT_NODE);
    expect(h.contains(r.startContainer)).toBe(true);
    expect(h.contains(r.endContainer)).toBe(true);
    expect(textIn(r).startsWith('Deep')).toBe(true);
    expect(textIn(r).endsWith('things')).toBe(true);
  });

  it('returns null for offsets outside the text or an empty span', () => {
    const mapped = mapElementText(title());
    const n = mapped.text.length;
    expect(mapped.range(-1, 3)).toBeNull();
    expect(mapped.range(0, n + 1)).toBeNull();
    expect(mapped.range(4, 4)).toBeNull();
    expect(mapped.range(6, 2)).toBeNull();
    expect(mapped.range(n, n + 1)).toBeNull();
    expect(mapped.range(0, n)).not.toBeNull();
    const empty = mapElementText(el('h3', '   \n  '));
    expect(empty.text).toBe('');
    expect(empty.range(0, 1)).toBeNull();
  });

  it('leaves out PaperSift\'s own UI and scripts, and treats nbsp as whitespace', () => {
    const ui = el('div', 'Save Hide');
    ui.setAttribute('data-papersift-ui', '2401.00001');
    const h = el('h3', 'Graph\u00a0 Neural', ui, el('script', 'var x = 1;'), el('style', 'a{}'), ' Nets');
    document.body.append(h);
    const mapped = mapElementText(h);
    expect(mapped.text).toBe('Graph Neural Nets');
    const i = mapped.text.indexOf('Nets');
    expect(textIn(mapped.range(i, i + 4)!)).toBe('Nets');
  });

  it('holds for any split of text into nodes and elements (property)', () => {
    const chunk = fc.oneof(
      fc.constantFrom(' ', '  ', '\n', '\t', '\u00a0', ' \n '),
      fc.stringMatching(/^[A-Za-z0-9é-]{1,6}$/),
    );
    const tree = fc.array(fc.record({ text: fc.array(chunk, { minLength: 1, maxLength: 4 }), wrap: fc.constantFrom(null, 'em', 'span', 'a') }), {
      minLength: 1,
      maxLength: 6,
    });
    fc.assert(
      fc.property(tree, (parts) => {
        const h = document.createElement('h3');
        for (const p of parts) {
          const nodes = p.text.map((t) => document.createTextNode(t));
          if (p.wrap) h.append(el(p.wrap, ...nodes));
          else h.append(...nodes);
        }
        const mapped = mapElementText(h);
        expect(mapped.text).toBe(collapse(h.textContent));
        for (const [s, e] of spaceFreeSpans(mapped.text)) expect(textIn(mapped.range(s, e)!)).toBe(mapped.text.slice(s, e));
        expect(mapped.range(0, mapped.text.length + 1)).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
