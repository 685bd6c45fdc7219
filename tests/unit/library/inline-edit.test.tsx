import { render } from 'preact';
import { useState } from 'preact/hooks';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InlineEdit } from '../../../entrypoints/options/library/InlineEdit';
import { UndoToast, type ToastMessage } from '../../../components/common/UndoToast';

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = undefined;
  vi.useRealTimers();
});

async function mount(ui: preact.ComponentChild): Promise<HTMLElement> {
  root = document.createElement('div');
  document.body.append(root);
  await act(() => render(ui, root!));
  return root;
}
const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))));
async function typeInto(el: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function key(el: Element, k: string, shiftKey = false) {
  await act(() => void el.dispatchEvent(new KeyboardEvent('keydown', { key: k, shiftKey, bubbles: true, cancelable: true })));
  await settle();
}

/** A note editor whose parent keeps the stored text, as the library does with the background's reply. */
function NoteParent({ initial, save }: { initial: string; save: (text: string) => Promise<string> }) {
  const [stored, setStored] = useState(initial);
  return (
    <InlineEdit
      id="n"
      label="Note"
      labelDetail="of “Paper”"
      multiline
      stored={stored}
      prepare={(draft) => (draft === stored ? null : { save: async () => { const saved = await save(draft); setStored(saved); return saved; } })}
    />
  );
}
const noteEditor = (initial: string, save: (text: string) => Promise<string>) => <NoteParent initial={initial} save={save} />;

describe('InlineEdit', () => {
  it('Enter saves, Shift+Enter is a new line, Escape puts back the stored text', async () => {
    const save = vi.fn(async (t: string) => t);
    const r = await mount(noteEditor('old', save));
    const box = r.querySelector('textarea')!;
    expect(r.querySelector('label')!.textContent).toBe('Note of “Paper”');

    await typeInto(box, 'new text');
    await key(box, 'Enter', true);
    expect(save).not.toHaveBeenCalled();
    await key(box, 'Enter');
    expect(save).toHaveBeenCalledWith('new text');
    expect(r.querySelector('[role=status]')!.textContent).toBe('Saved');

    await typeInto(box, 'a draft to throw away');
    await key(box, 'Escape');
    expect(box.value).toBe('new text');
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('saves on blur, and does nothing when the text did not change', async () => {
    const save = vi.fn(async (t: string) => t);
    const r = await mount(noteEditor('same', save));
    const box = r.querySelector('textarea')!;
    await act(() => void box.dispatchEvent(new FocusEvent('blur')));
    await settle();
    expect(save).not.toHaveBeenCalled();
    await typeInto(box, 'changed');
    await act(() => void box.dispatchEvent(new FocusEvent('blur')));
    await settle();
    expect(save).toHaveBeenCalledWith('changed');
  });

  it('a failed save keeps the draft and says why', async () => {
    const r = await mount(noteEditor('old', async () => Promise.reject(new Error('Could not save: disk full'))));
    const box = r.querySelector('textarea')!;
    await typeInto(box, 'precious words');
    await key(box, 'Enter');
    expect(box.value).toBe('precious words');
    expect(box.getAttribute('aria-invalid')).toBe('true');
    const alert = r.querySelector('[role=alert]')!;
    expect(alert.textContent).toContain('Could not save: disk full');
    expect(box.getAttribute('aria-describedby')).toBe(alert.id);
  });

  it('a draft the rules refuse is not sent', async () => {
    const save = vi.fn(async (t: string) => t);
    const r = await mount(
      <InlineEdit id="t" label="Tags" labelDetail="of “P”" stored="" prepare={(d) => (d.length > 5 ? { error: 'Too long.' } : { save: () => save(d) })} />,
    );
    const input = r.querySelector('input')!;
    await typeInto(input, 'much too long');
    await key(input, 'Enter');
    expect(save).not.toHaveBeenCalled();
    expect(r.querySelector('[role=alert]')!.textContent).toContain('Too long.');
    expect(input.value).toBe('much too long');
  });
});

describe('UndoToast', () => {
  it('offers Undo, closes after undoing, and closes by itself after the timeout', async () => {
    vi.useFakeTimers();
    const undo = vi.fn(async () => {});
    const onClose = vi.fn();
    const toast: ToastMessage = { key: 1, text: 'Removed “P”.', undo };
    const r = await mount(<UndoToast toast={toast} onClose={onClose} timeoutMs={8_000} />);
    expect(r.querySelector('[role=status]')!.textContent).toContain('Removed “P”.');
    const button = [...r.querySelectorAll('button')].find((b) => b.textContent === 'Undo')!;
    await act(async () => {
      button.click();
      await Promise.resolve();
    });
    expect(undo).toHaveBeenCalledTimes(1);
    expect(onClose).toHaveBeenCalledTimes(1);

    onClose.mockClear();
    await act(() => render(<UndoToast toast={{ key: 2, text: 'Tagged 3 papers.' }} onClose={onClose} timeoutMs={8_000} />, r));
    await act(() => void vi.advanceTimersByTime(7_999));
    expect(onClose).not.toHaveBeenCalled();
    await act(() => void vi.advanceTimersByTime(1));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
