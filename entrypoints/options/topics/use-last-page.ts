import { useEffect, useState } from 'preact/hooks';
import type { LastPage } from '../../../utils/storage/last-page';
import type { LastPageSource } from './last-page-source';

export interface LastPageState {
  /** undefined while loading. */
  page: LastPage | null | undefined;
  error: string | null;
}

/** The last visited page's papers, re-read whenever a page visit replaces them. */
export function useLastPage(source: LastPageSource): LastPageState {
  const [state, setState] = useState<LastPageState>({ page: undefined, error: null });
  useEffect(() => {
    let live = true;
    let ticket = 0;
    const load = () => {
      const mine = ++ticket;
      source.read().then(
        (page) => live && mine === ticket && setState({ page, error: null }),
        (e: unknown) => live && mine === ticket && setState({ page: null, error: e instanceof Error ? e.message : String(e) }),
      );
    };
    load();
    const stop = source.watch(load);
    return () => {
      live = false;
      stop();
    };
  }, [source]);
  return state;
}
