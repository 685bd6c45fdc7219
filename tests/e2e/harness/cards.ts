/**
 * PaperSift's public hooks on a card, read the same way in every browser: `data-papersift-*` on HF's card root, the
 * controls inside our hosts' open shadow roots. Buttons are found by accessible name (aria-label, else text), as a
 * screen reader would announce them.
 */
import { normaliseLine } from './wait';
import type { E2EPage } from './e2e-browser';

/** A button name: a RegExp, or an exact string. */
export type ButtonName = RegExp | string;
type NameSpec = { source: string; flags: string } | { exact: string };
const spec = (name: ButtonName): NameSpec => (typeof name === 'string' ? { exact: name } : { source: name.source, flags: name.flags });

type ButtonOp = 'first' | 'count' | 'pressed' | 'colours';
/** In the page (self-contained: it is sent as source): the buttons of card `id` whose accessible name matches. */
function onButtons({ id, name, op }: { id: string; name: NameSpec; op: ButtonOp }): unknown {
  const card = document.querySelector(`[data-papersift-id="${CSS.escape(id)}"]`);
  const hosts = card ? [...card.querySelectorAll('[data-papersift-ui]')] : [];
  const re = 'source' in name ? new RegExp(name.source, name.flags) : null;
  const buttons = hosts
    .flatMap((h) => [...(h.shadowRoot?.querySelectorAll('button') ?? [])])
    .filter((b) => {
      const label = (b.getAttribute('aria-label') ?? b.textContent ?? '').replace(/\s+/g, ' ').trim();
      return re ? re.test(label) : label === (name as { exact: string }).exact;
    });
  const first = buttons[0];
  if (op === 'first') return first ?? null;
  if (op === 'count') return buttons.length;
  if (op === 'pressed') return first?.getAttribute('aria-pressed') ?? null;
  if (!first) return 'no button';
  const style = getComputedStyle(first);
  return `${style.backgroundColor} / ${style.color}`;
}

export interface ButtonRef {
  click(): Promise<void>;
  count(): Promise<number>;
  /** aria-pressed of the (first) matching button, null when it has none or there is no such button. */
  pressed(): Promise<string | null>;
  /** `background-color / color` as computed: what the reader sees. */
  colours(): Promise<string>;
}

export interface CardRef {
  readonly id: string;
  /** Whether the card root is on the page. */
  exists(): Promise<boolean>;
  attr(name: string): Promise<string | null>;
  /** Text of the card's PaperSift UI (inside its shadow roots), normalised. */
  uiText(): Promise<string>;
  /** How many PaperSift hosts the card holds. */
  hosts(): Promise<number>;
  /** Whether the card's own title (its first heading, else its first paper link) is visible. */
  titleVisible(): Promise<boolean>;
  button(name: ButtonName): ButtonRef;
}

export function cardById(page: E2EPage, id: string): CardRef {
  const inCard = <R>(fn: (a: { id: string; name?: string }) => R, name?: string) => page.evaluate(fn, { id, name });
  return {
    id,
    exists: () => inCard(({ id }) => !!document.querySelector(`[data-papersift-id="${CSS.escape(id)}"]`)),
    attr: (name) => inCard(({ id, name }) => document.querySelector(`[data-papersift-id="${CSS.escape(id)}"]`)?.getAttribute(name!) ?? null, name),
    uiText: async () =>
      normaliseLine(
        await inCard(({ id }) =>
          [...(document.querySelector(`[data-papersift-id="${CSS.escape(id)}"]`)?.querySelectorAll('[data-papersift-ui]') ?? [])]
            .map((h) => h.shadowRoot?.textContent ?? '')
            .join(' '),
        ),
      ),
    hosts: () => inCard(({ id }) => document.querySelector(`[data-papersift-id="${CSS.escape(id)}"]`)?.querySelectorAll('[data-papersift-ui]').length ?? 0),
    titleVisible: () =>
      inCard(({ id }) => {
        const card = document.querySelector(`[data-papersift-id="${CSS.escape(id)}"]`);
        const title = card?.querySelector('h1, h2, h3') ?? card?.querySelector('a[href*="/papers/"]');
        return !!title && title.checkVisibility();
      }),
    button: (name) => buttonRef(page, id, name),
  };
}

function buttonRef(page: E2EPage, id: string, name: ButtonName): ButtonRef {
  const run = <R>(op: ButtonOp) => page.evaluate(onButtons, { id, name: spec(name), op }) as Promise<R>;
  return {
    click: () => page.click(onButtons as (a: { id: string; name: NameSpec; op: ButtonOp }) => Element | null, { id, name: spec(name), op: 'first' }),
    count: () => run<number>('count'),
    pressed: () => run<string | null>('pressed'),
    colours: () => run<string>('colours'),
  };
}
