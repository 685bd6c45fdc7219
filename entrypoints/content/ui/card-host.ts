import shadowCss from './card-actions.css?inline';
import { OUR_UI_ATTR } from '../../../utils/hf/selectors';

/** Attribute that marks PaperSift's injected UI host (public contract: user styles, bug reports, tests). */
export const UI_ATTR = OUR_UI_ATTR;

let sharedSheet: CSSStyleSheet | null | undefined;

/** One constructed stylesheet shared by every card's shadow root: parsing CSS 1,000 times would cost more than the cards. */
function adoptStyles(shadow: ShadowRoot): void {
  if (sharedSheet === undefined) {
    try {
      sharedSheet = new CSSStyleSheet();
      sharedSheet.replaceSync(shadowCss);
    } catch {
      sharedSheet = null; // e.g. an engine without constructable stylesheets in content scripts
    }
  }
  if (sharedSheet) {
    try {
      shadow.adoptedStyleSheets = [sharedSheet];
      return;
    } catch {
      sharedSheet = null;
    }
  }
  const style = document.createElement('style');
  style.textContent = shadowCss;
  shadow.append(style);
}

/** Creates the element that holds one card's controls. The shadow root keeps page CSS out and ours in. */
export function createCardHost(id: string): { host: HTMLElement; mount: HTMLElement } {
  const host = document.createElement('div');
  host.setAttribute(UI_ATTR, id);
  const shadow = host.attachShadow({ mode: 'open' });
  adoptStyles(shadow);
  // Preact renders into its own container so it never diffs against our <style> fallback.
  const mount = document.createElement('div');
  shadow.append(mount);
  return { host, mount };
}

/** A page-level PaperSift element (notice, summary bar, key help): named host, open shadow root, its own styles. */
export function createPageHost(name: string, css: string): { host: HTMLElement; shadow: ShadowRoot } {
  const host = document.createElement('div');
  host.setAttribute(UI_ATTR, name);
  const shadow = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = css;
  shadow.append(style);
  return { host, shadow };
}
