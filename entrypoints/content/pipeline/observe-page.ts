import { frameBatcher } from './schedule';

/**
 * One observer for the whole page: lazy-loaded cards, the Daily/Weekly/Monthly switch that swaps the list,
 * re-renders that drop our controls. Mutations are batched into at most one pass per frame.
 * `forget()` drops the records our own DOM writes produced, so a pass never triggers another.
 */
export function observePage(target: Node, onChange: () => void): { forget(): void; disconnect(): void } {
  const schedule = frameBatcher(onChange);
  const observer = new MutationObserver(schedule);
  observer.observe(target, { childList: true, subtree: true });
  return {
    forget: () => void observer.takeRecords(),
    disconnect: () => observer.disconnect(),
  };
}
