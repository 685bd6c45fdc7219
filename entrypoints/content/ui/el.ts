/**
 * `el('span', { class: 'x' }, 'text', child)`: an element with these attributes and children (text or nodes).
 * For the plain-DOM parts of the UI (card controls, summary bar, page notices). Text goes in as text nodes, never as
 * markup.
 */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}
