/**
 * The background's work for topics, preferences and the last page's papers. handlers.ts runs these inside its
 * write queue (requests arrive validated); the context menu does too. Errors are thrown with a reason only:
 * handlers.ts turns them into "Could not <what>: <reason>".
 */
import type { TopicsList } from '../../utils/messaging/protocol';
import type { PagePaper } from '../../utils/storage/last-page-record';
import { writeLastPage } from '../../utils/storage/last-page';
import type { Prefs } from '../../utils/storage/prefs';
import { readPrefs, writePrefs } from '../../utils/storage/prefs';
import { deleteTopic, listTopics, moveTopics, putTopic, readTopicListing } from '../../utils/storage/topic-store';
import type { Topic } from '../../utils/topics/types';
import { validateTopic } from '../../utils/topics/validate';
import { recentlyDeleted, rememberDeleted } from './recent-deletes';
import type { SelectionTopic } from './selection-topic';
import { topicFromSelection } from './selection-topic';

/**
 * The topic as it will be stored, by the same rules as the options page (`validateTopic`: unique name among the
 * other ids, at least one term, every term parses, colour contrast, …); throws with all its messages otherwise.
 */
function checked(topic: Topic, existing: Topic[]): Topic {
  const result = validateTopic(topic, existing);
  if (!result.ok) throw new Error(result.errors.join(' '));
  return result.topic;
}

export async function listTopicsWithStatus(): Promise<TopicsList> {
  const listing = await readTopicListing((await readPrefs()).topicSync);
  if (listing.skipped.length > 0) {
    console.warn('[PaperSift] unreadable topic items skipped:', listing.skipped.map((s) => `${s.area}:${s.key}`).join(', '));
  }
  return listing;
}

/** Create or replace a topic (its shape already validated); refused when it breaks a topic rule. */
export async function saveTopic(topic: Topic, now: number = Date.now()): Promise<Topic> {
  const stored = checked(topic, await listTopics());
  await putTopic(stored, { sync: (await readPrefs()).topicSync, now });
  return stored;
}

/** A repeated delete (a retry after a lost reply) answers with the topic the first one removed, so Undo works. */
export async function removeTopic(id: string): Promise<{ removed: Topic | null }> {
  const removed = await deleteTopic(id);
  if (removed) await rememberDeleted(removed);
  return { removed: removed ?? (await recentlyDeleted(id)) };
}

/**
 * Apply a preferences patch. A patch that sets `topicSync` (even to its current value, which retries topics
 * that fell back to local) first moves the topics to that area, then stores the preference: if the move
 * fails, nothing has changed.
 */
export async function setPrefs(patch: Partial<Prefs>): Promise<Prefs> {
  if (patch.topicSync !== undefined) {
    const move = await moveTopics(patch.topicSync ? 'sync' : 'local');
    if (move.kept.length > 0) console.warn('[PaperSift] topics kept in storage.local:', move.kept);
  }
  return writePrefs(patch);
}

export async function storePagePapers(url: string, papers: readonly PagePaper[]): Promise<{ stored: number }> {
  return { stored: await writeLastPage(url, papers) };
}

/**
 * Context menu: make the selection a topic in `mode`, or switch the mode of the topic already named so.
 * Resolves to what happened (null for an empty selection); throws when the selection makes no valid topic
 * (e.g. no letters or digits). A mode switch is not re-validated: the reader only flipped highlight/mute.
 */
export async function topicFromMenu(
  selection: string,
  mode: Topic['mode'],
  now: number = Date.now(),
  newId: string = crypto.randomUUID(),
): Promise<SelectionTopic | null> {
  const existing = await listTopics();
  const result = topicFromSelection(selection, mode, existing, now, newId);
  if (!result || result.kind === 'unchanged') return result;
  const topic = result.kind === 'created' ? checked(result.topic, existing) : result.topic;
  await putTopic(topic, { sync: (await readPrefs()).topicSync, now });
  return { kind: result.kind, topic };
}
