/** Papers the reader hid (by hand or through a muted topic), with Unhide. Loaded when the section is opened. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { localDay } from '../../../utils/library/dates';
import { PAGE_SIZE } from '../../../utils/library/paging';
import { sendToBackground } from '../../../utils/messaging/client';
import { CHANGE_KEY } from '../../../utils/messaging/protocol';
import type { HiddenPaper } from '../../../utils/storage/records';
import { hfPaperUrl } from '../../../utils/model/paper';
import { Notice } from '../../../components/common/Notice';

const reasonText = (r: HiddenPaper['reason']) => (r === 'manual' ? 'Hidden by you' : `Muted topic “${r.slice('topic:'.length)}”`);

export function HiddenPapers({ onToast }: { onToast: (text: string, undo?: () => Promise<void>) => void }) {
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<HiddenPaper[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [shown, setShown] = useState(PAGE_SIZE);

  const load = useCallback(async () => {
    try {
      setList(await sendToBackground({ type: 'hidden/list' }));
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, []);

  useEffect(() => {
    if (!open) return;
    void load();
    const onChanged = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && CHANGE_KEY in changes) void load();
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [open, load]);

  const unhide = async (h: HiddenPaper) => {
    try {
      await sendToBackground({ type: 'hidden/unhide', id: h.id });
      setList((l) => l?.filter((x) => x.id !== h.id) ?? null);
      onToast(`“${h.title || h.id}” is shown again.`, async () => {
        await sendToBackground({ type: 'hidden/hide', id: h.id, title: h.title, reason: h.reason, source: h.source });
        await load();
      });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <details class="lib-hidden" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>
        <h3>Hidden papers{list ? ` (${list.length})` : ''}</h3>
      </summary>
      {error && <Notice kind="error">Could not read the hidden papers: {error}</Notice>}
      {list && list.length === 0 && <p class="ps-hint">No hidden papers.</p>}
      {list && list.length > 0 && (
        <>
          <ul class="lib-hidden-list">
            {list.slice(0, shown).map((h) => (
              <li key={h.id}>
                <a href={hfPaperUrl(h.id)} target="_blank" rel="noreferrer">{h.title || h.id}</a>
                <span class="ps-hint">
                  {reasonText(h.reason)} · {localDay(h.hiddenAt)}
                </span>
                <button type="button" class="ps-button ps-button-quiet" onClick={() => void unhide(h)}>
                  Unhide<span class="sr-only"> “{h.title || h.id}”</span>
                </button>
              </li>
            ))}
          </ul>
          {list.length > shown && (
            <button type="button" class="ps-button" onClick={() => setShown((n) => n + PAGE_SIZE)}>
              Show more ({list.length - shown} left)
            </button>
          )}
        </>
      )}
    </details>
  );
}
