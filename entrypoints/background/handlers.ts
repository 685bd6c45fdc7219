/**
 * The background's answers to `BackgroundRequest`s. Never throws: bad messages and storage failures come back as
 * `{ ok: false, error }`. Every request runs through one write queue, so read-modify-writes from many tabs cannot
 * interleave and `state/get` sees a snapshot consistent with its `rev`. Nothing is kept in memory between requests.
 */
import type { BackgroundRequest, BackgroundResponses, LibraryChange, Reply } from '../../utils/messaging/protocol';
import {
  deleteHidden,
  deleteSaved,
  getHidden,
  getSaved,
  listHidden,
  listSaved,
  putHidden,
  putSaved,
} from '../../utils/storage/library-db';
import { buildHiddenRecord, buildSavedRecord } from './build-record';
import { publishChange } from './change-bus';
import { reasonOf } from './error-reason';
import { changesReadyState, readLibraryState, refreshReadyState } from './ready-state';
import { exportBackup, removeSaved, restoreRecords, tagSaved, updateSaved } from './library-handlers';
import { resetAllData, restoreBackupText } from './restore';
import { listTopicsWithStatus, removeTopic, saveTopic, setPrefs, storePagePapers } from './topic-handlers';
import { validateRequest } from './validate-request';
import { readWorkerSource } from './worker-source';
import { createWriteQueue } from './write-queue';
import { changesBadge, digestView, ensureSchedule, runCheck, scheduleBadge } from './digest';
import { markSeen, replaceSeen, visitPage } from './seen-state';

type Type = BackgroundRequest['type'];
type RequestOf<T extends Type> = Extract<BackgroundRequest, { type: T }>;
type Handler<T extends Type> = {
  /** What failed, for the error message: "Could not <what>: <reason>". */
  what: (req: RequestOf<T>) => string;
  run: (req: RequestOf<T>) => Promise<BackgroundResponses[T]>;
};

const queue = createWriteQueue();

/** Run background work that is not a message (e.g. a context-menu click) in the same queue as the requests. */
export function runInWriteQueue<T>(task: () => Promise<T>): Promise<T> {
  return queue(task);
}

/** A change that did land must not be reported as a failure because the notification could not be sent. */
async function announce(change: LibraryChange): Promise<void> {
  try {
    await publishChange(change);
  } catch (e) {
    console.warn('[PaperSift] change stored but not published:', reasonOf(e));
  }
}

const handlers: { [T in Type]: Handler<T> } = {
  'library/save': {
    what: (r) => `save paper ${r.paper.id}`,
    async run({ paper, source }) {
      const rec = buildSavedRecord(paper, source, Date.now(), await getSaved(paper.id));
      await putSaved(rec);
      await markSeen([rec.id]); // a saved paper has been seen
      await announce({ type: 'saved', id: rec.id });
      return rec;
    },
  },
  'library/unsave': {
    what: (r) => `remove paper ${r.id} from the library`,
    async run({ id }) {
      const removed = await deleteSaved(id);
      if (removed) await announce({ type: 'unsaved', id });
      return { removed };
    },
  },
  'library/recent': {
    what: () => 'read the library',
    run: async ({ limit }) => (await listSaved()).slice(0, limit),
  },
  'hidden/hide': {
    what: (r) => `hide paper ${r.id}`,
    async run({ id, title, reason, source }) {
      const rec = buildHiddenRecord(id, title, reason, source, Date.now(), await getHidden(id));
      await putHidden(rec);
      if (reason === 'manual') await markSeen([id]); // hidden by hand: seen (a muted one was not looked at)
      await announce({ type: 'hidden', id, reason: rec.reason });
      return rec;
    },
  },
  'hidden/unhide': {
    what: (r) => `unhide paper ${r.id}`,
    async run({ id }) {
      const removed = await deleteHidden(id);
      if (removed) await announce({ type: 'unhidden', id });
      return { removed };
    },
  },
  'state/get': {
    what: () => 'read the library state',
    run: () => readLibraryState(),
  },
  'topics/list': {
    what: () => 'read the topics',
    run: () => listTopicsWithStatus(),
  },
  'topics/put': {
    what: (r) => `save topic "${r.topic.name}"`,
    run: ({ topic }) => saveTopic(topic),
  },
  'topics/delete': {
    what: (r) => `delete topic ${r.id}`,
    run: ({ id }) => removeTopic(id),
  },
  'prefs/set': {
    what: () => 'save the preferences',
    async run({ patch }) {
      const prefs = await setPrefs(patch);
      if (patch.digestEvery !== undefined) await ensureSchedule(prefs);
      return prefs;
    },
  },
  'page/papers': {
    what: () => 'store the papers of this page',
    run: ({ url, papers }) => storePagePapers(url, papers),
  },
  'topics/worker-source': {
    what: () => 'read the topic worker',
    run: () => readWorkerSource(),
  },
  'library/list': {
    what: () => 'read the library',
    run: () => listSaved(),
  },
  'library/update': {
    what: (r) => `save the changes to paper ${r.id}`,
    run: ({ id, tags, note }) => updateSaved(id, { tags, note }),
  },
  'library/tag': {
    what: (r) => `change the tags of ${r.ids.length === 1 ? `paper ${r.ids[0]}` : `${r.ids.length} papers`}`,
    run: ({ ids, add, remove }) => tagSaved(ids, add, remove),
  },
  'library/remove': {
    what: (r) => (r.ids.length === 1 ? `remove paper ${r.ids[0]} from the library` : `remove ${r.ids.length} papers from the library`),
    run: ({ ids }) => removeSaved(ids),
  },
  'library/restore-records': {
    what: (r) => `put back ${r.records.length === 1 ? 'the removed paper' : `${r.records.length} removed papers`}`,
    run: ({ records }) => restoreRecords(records),
  },
  'hidden/list': {
    what: () => 'read the hidden papers',
    run: () => listHidden(),
  },
  'backup/export': {
    what: () => 'make the backup',
    run: () => exportBackup(),
  },
  'backup/restore': {
    what: () => 'restore the backup',
    run: ({ text }) => restoreBackupText(text),
  },
  'data/reset': {
    what: () => 'reset PaperSift',
    async run() {
      const done = await resetAllData();
      await replaceSeen(null);
      return done;
    },
  },
  'digest/get': {
    what: () => 'read the new papers',
    run: () => digestView(),
  },
  'digest/check': {
    what: () => 'check the new papers',
    // Outside the queue: the request may take seconds; the check queues its own writes.
    run: async () => (await runCheck('manual', { queue })) ?? digestView(),
  },
  'seen/mark': {
    what: () => 'remember the papers seen',
    run: async ({ ids }) => ({ added: await markSeen(ids) }),
  },
  'seen/visit': {
    what: () => 'read which papers are new',
    run: ({ ids }) => visitPage(ids),
  },
};

/** Requests that do not wait in the write queue (they queue their own writes). */
const UNQUEUED: ReadonlySet<Type> = new Set<Type>(['digest/check']);

export function handleRequest<T extends Type>(req: RequestOf<T>): Promise<Reply<BackgroundResponses[T]>>;
export function handleRequest(req: unknown): Promise<Reply<BackgroundResponses[Type]>>;
export async function handleRequest(msg: unknown): Promise<Reply<BackgroundResponses[Type]>> {
  let checked: ReturnType<typeof validateRequest>;
  try {
    checked = validateRequest(msg);
  } catch (e) {
    // Only reachable when called directly with exotic objects (messages arrive structured-cloned).
    return { ok: false, error: `Bad request: ${reasonOf(e)}` };
  }
  if (!checked.ok) return { ok: false, error: checked.error };
  const req = checked.req;
  // The map is indexed by req.type, so this handler takes exactly this request; TS cannot see that correlation.
  const handler = handlers[req.type] as unknown as Handler<Type>;
  try {
    const value = UNQUEUED.has(req.type) ? await handler.run(req) : await queue(() => handler.run(req));
    // Next in the queue, after the reply: pages that start later read which papers are hidden without asking us.
    // (A request that failed changed nothing: writes that fail half-way are rolled back.)
    if (changesReadyState(req.type)) void queue(refreshReadyState).catch((e) => console.warn('[PaperSift] could not keep the page state ready:', reasonOf(e)));
    if (changesBadge(req.type)) scheduleBadge(queue);
    return { ok: true, value };
  } catch (e) {
    return { ok: false, error: `Could not ${handler.what(req)}: ${reasonOf(e)}` };
  }
}
