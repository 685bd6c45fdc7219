/**
 * fakeBrowser has no contextMenus (every call throws "not implemented"). This installs a small in-memory one
 * that behaves like Chrome's: ids are unique (a duplicate is reported through the create callback), removeAll
 * clears, onClicked listeners can be triggered.
 */
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Props = Browser.contextMenus.CreateProperties;
type ClickListener = (info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) => void;

export interface FakeMenus {
  items: Map<string, Props>;
  /** Duplicate-id creations (Chrome reports them as runtime.lastError). */
  errors: string[];
  click(info: Partial<Browser.contextMenus.OnClickData> & { menuItemId: string }): void;
}

export function installFakeMenus(): FakeMenus {
  const items = new Map<string, Props>();
  const errors: string[] = [];
  const listeners: ClickListener[] = [];
  const menus = {
    create(props: Props, callback?: () => void) {
      const id = String(props.id);
      if (items.has(id)) errors.push(`Cannot create item with duplicate id ${id}`);
      else items.set(id, props);
      callback?.();
      return id;
    },
    async removeAll() {
      items.clear();
    },
    onClicked: {
      addListener: (l: ClickListener) => void listeners.push(l),
      removeListener: (l: ClickListener) => void listeners.splice(listeners.indexOf(l), 1),
      hasListener: (l: ClickListener) => listeners.includes(l),
    },
  };
  Object.assign(fakeBrowser.contextMenus, menus);
  return {
    items,
    errors,
    click(info) {
      for (const l of listeners) l({ editable: false, pageUrl: 'https://huggingface.co/papers', ...info });
    },
  };
}
