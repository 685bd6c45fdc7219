import { useEffect, useState } from 'preact/hooks';

/**
 * `value`, updated once it has stayed the same for `ms`: the editor re-validates and re-matches the preview
 * while the reader types, and a regex term's safety check is too costly to run on every keystroke.
 */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (ms <= 0) return setSettled(() => value);
    const timer = setTimeout(() => setSettled(() => value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return ms <= 0 ? value : settled;
}
