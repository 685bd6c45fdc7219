import { browser } from 'wxt/browser';
import type { Topic } from '../../utils/topics/types';

/** How long a deleted topic is remembered for a repeated delete (a retry whose first reply was lost). */
export const RECENT_DELETE_MS = 2 * 60_000;
const KEY = 'papersift:recentTopicDeletes';

type Recent = Record<string, { topic: Topic; at: number }>;

/**
 * Deleted topics of the last two minutes, so a `topics/delete` that the client sent again (the worker stopped
 * before its reply arrived) still answers with the topic, and Undo can put it back. In storage.session: it
 * survives the worker stopping, and never reaches the disk.
 */
const area = () => (browser.storage as { session?: typeof browser.storage.local }).session ?? null;
let memory: Recent = {};

async function read(now: number): Promise<Recent> {
  const s = area();
  const all = s ? (((await s.get(KEY))[KEY] as Recent | undefined) ?? {}) : memory;
  return Object.fromEntries(Object.entries(all).filter(([, r]) => now - r.at < RECENT_DELETE_MS));
}

async function write(recent: Recent): Promise<void> {
  const s = area();
  if (s) await s.set({ [KEY]: recent });
  else memory = recent;
}

export async function rememberDeleted(topic: Topic, now = Date.now()): Promise<void> {
  const recent = await read(now);
  recent[topic.id] = { topic, at: now };
  await write(recent).catch(() => undefined); // a convenience: never fail the delete over it
}

export async function recentlyDeleted(id: string, now = Date.now()): Promise<Topic | null> {
  return (await read(now).catch(() => ({}) as Recent))[id]?.topic ?? null;
}
