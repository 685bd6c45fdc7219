import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { TopicWorkerCore } from '../utils/topic-worker/core';
import type { FromWorker, ToWorker } from '../utils/topic-worker/protocol';

// Wiring only: the content script starts this file as a dedicated worker (from a blob: URL) and talks to it with
// the messages of utils/topic-worker/protocol.ts.
export default defineUnlistedScript(() => {
  const scope = self as unknown as { onmessage: ((e: MessageEvent<ToWorker>) => void) | null; postMessage(m: FromWorker): void };
  const core = new TopicWorkerCore();
  scope.onmessage = (e) => {
    const reply = core.reply(e.data);
    if (reply) scope.postMessage(reply);
  };
  scope.postMessage({ type: 'ready' });
});
