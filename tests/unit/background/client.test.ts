import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MockInstance } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isConnectionError, sendToBackground, sendToTab } from '../../../utils/messaging/client';
import type { PageStats } from '../../../utils/messaging/protocol';

const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';
const PORT_CLOSED = 'The message port closed before a response was received.';
const fast = { retryDelaysMs: [1, 1, 1] };

// The fake's types say these return Promise<void>; real ones resolve with the receiver's reply.
type Sender = MockInstance<(...args: unknown[]) => Promise<unknown>>;
const mockRuntimeSend = () => vi.spyOn(fakeBrowser.runtime, 'sendMessage') as unknown as Sender;
const mockTabSend = () => vi.spyOn(fakeBrowser.tabs, 'sendMessage') as unknown as Sender;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('sendToBackground', () => {
  it('unwraps an ok reply', async () => {
    const send = mockRuntimeSend().mockResolvedValue({ ok: true, value: { removed: true } });
    await expect(sendToBackground({ type: 'library/unsave', id: '2508.19428' })).resolves.toEqual({ removed: true });
    expect(send).toHaveBeenCalledWith({ type: 'library/unsave', id: '2508.19428' });
  });

  it('throws the reply error on ok:false, without retrying', async () => {
    const send = mockRuntimeSend()
      .mockResolvedValue({ ok: false, error: 'Could not save paper 2508.19428: QuotaExceededError' });
    await expect(sendToBackground({ type: 'state/get' }, fast)).rejects.toThrow(
      'Could not save paper 2508.19428: QuotaExceededError',
    );
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('retries while the worker restarts: fails twice with "Receiving end does not exist", then lands', async () => {
    const state = { savedIds: ['2508.19428'], hidden: [], rev: 3 };
    const send = mockRuntimeSend()
      .mockRejectedValueOnce(new Error(NO_RECEIVER))
      .mockRejectedValueOnce(new Error(NO_RECEIVER))
      .mockResolvedValue({ ok: true, value: state });
    await expect(sendToBackground({ type: 'state/get' }, fast)).resolves.toEqual(state);
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('retries with the default backoff too', async () => {
    const send = mockRuntimeSend()
      .mockRejectedValueOnce(new Error(PORT_CLOSED))
      .mockResolvedValue({ ok: true, value: [] });
    await expect(sendToBackground({ type: 'library/recent', limit: 5 })).resolves.toEqual([]);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('gives up after the last retry with the connection error', async () => {
    const send = mockRuntimeSend().mockRejectedValue(new Error(NO_RECEIVER));
    await expect(sendToBackground({ type: 'state/get' }, fast)).rejects.toThrow(NO_RECEIVER);
    expect(send).toHaveBeenCalledTimes(4);
  });

  it('does not retry other errors', async () => {
    const send = mockRuntimeSend().mockRejectedValue(new Error('Extension context invalidated.'));
    await expect(sendToBackground({ type: 'state/get' }, fast)).rejects.toThrow('Extension context invalidated.');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('retries a missing reply (a worker stopped mid-request) and fails clearly when none ever comes', async () => {
    const send = mockRuntimeSend().mockResolvedValue(undefined);
    await expect(sendToBackground({ type: 'state/get' }, fast)).rejects.toThrow(/No reply/);
    expect(send.mock.calls.length).toBeGreaterThan(1);
  });

  it('a missing reply followed by an answer resolves', async () => {
    mockRuntimeSend()
      .mockResolvedValueOnce(undefined)
      .mockResolvedValueOnce({ ok: true, value: { savedIds: [], hidden: [], rev: 3 } });
    await expect(sendToBackground({ type: 'state/get' }, fast)).resolves.toEqual({ savedIds: [], hidden: [], rev: 3 });
  });

  it('treats a malformed reply as an error, without retrying', async () => {
    const send = mockRuntimeSend().mockResolvedValue({ nonsense: true });
    await expect(sendToBackground({ type: 'state/get' }, fast)).rejects.toThrow('No valid reply from the background');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('retries "message channel closed" (Chrome, when the worker stops before answering)', async () => {
    mockRuntimeSend()
      .mockRejectedValueOnce(new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received'))
      .mockResolvedValueOnce({ ok: true, value: { removed: true } });
    await expect(sendToBackground({ type: 'library/unsave', id: '2508.19428' }, fast)).resolves.toEqual({ removed: true });
  });

  it('works end to end against a listener that answers with sendResponse', async () => {
    fakeBrowser.runtime.onMessage.addListener((msg: unknown, _sender, sendResponse: (r: unknown) => void) => {
      sendResponse({ ok: true, value: { echoed: msg } });
      return true;
    });
    await expect(sendToBackground({ type: 'state/get' })).resolves.toEqual({ echoed: { type: 'state/get' } });
  });
});

describe('sendToTab', () => {
  const stats: PageStats = { kind: 'daily', url: 'https://huggingface.co/papers', found: 27, saved: 2, hidden: 1, topicCounts: {} };

  it('sends to the tab, retries connection errors, unwraps', async () => {
    const send = mockTabSend()
      .mockRejectedValueOnce(new Error(NO_RECEIVER))
      .mockResolvedValue({ ok: true, value: stats });
    await expect(sendToTab(42, { type: 'page/stats' }, fast)).resolves.toEqual(stats);
    expect(send).toHaveBeenCalledTimes(2);
    expect(send).toHaveBeenLastCalledWith(42, { type: 'page/stats' });
  });

  it('throws the tab reply error', async () => {
    mockTabSend().mockResolvedValue({ ok: false, error: 'not a papers page' });
    await expect(sendToTab(1, { type: 'page/stats' }, fast)).rejects.toThrow('not a papers page');
  });
});

describe('isConnectionError', () => {
  it('recognises the worker-restart errors only', () => {
    expect(isConnectionError(new Error(NO_RECEIVER))).toBe(true);
    expect(isConnectionError(new Error(PORT_CLOSED))).toBe(true);
    expect(isConnectionError(NO_RECEIVER)).toBe(true);
    expect(isConnectionError(new Error('QuotaExceededError'))).toBe(false);
    expect(isConnectionError(undefined)).toBe(false);
  });
});
