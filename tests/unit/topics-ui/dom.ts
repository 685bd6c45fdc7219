/** Small helpers to drive Preact components rendered into happy-dom. */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach } from 'vitest';

const mounted: HTMLElement[] = [];
afterEach(() => {
  for (const root of mounted.splice(0)) {
    render(null, root);
    root.remove();
  }
});

export async function mount(ui: ComponentChild): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.append(root);
  mounted.push(root);
  await act(() => render(ui, root));
  await settle();
  return root;
}

/** Lets pending promises, timers of 0 ms and re-renders run. */
export async function settle(rounds = 3): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

export async function type(el: Element | null, value: string): Promise<void> {
  if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) throw new Error('not a text field');
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

export async function press(el: Element | null, key: string): Promise<void> {
  if (!el) throw new Error('no element');
  await act(() => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
  await settle();
}

export async function click(el: Element | null): Promise<void> {
  if (!(el instanceof HTMLElement)) throw new Error('no element to click');
  await act(() => el.click());
  await settle();
}

/** The first button whose accessible text (aria-label or text) matches. */
export function button(root: ParentNode, name: string | RegExp): HTMLButtonElement | null {
  const all = [...root.querySelectorAll('button')];
  return (
    all.find((b) => {
      const label = b.getAttribute('aria-label') ?? b.textContent?.trim() ?? '';
      return typeof name === 'string' ? label === name : name.test(label);
    }) ?? null
  );
}

/** The form control labelled `text` (label[for] or aria-label). */
export function field(root: ParentNode, text: string): HTMLInputElement | HTMLTextAreaElement | null {
  const label = [...root.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
  const id = label?.getAttribute('for');
  return (id ? root.querySelector(`#${id}`) : root.querySelector(`[aria-label="${text}"]`)) as HTMLInputElement | null;
}

export const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
