/**
 * Everything a restore would do, worked out before anything is written: the library and hidden papers
 * (planRestore's merge), the topics and the settings. Used by the options page for its preview and by the
 * background, which plans again from the text it received. Pure: no browser API.
 *
 * - Topics: a topic not here yet is added. One that is (same id, or same name) stays as it is: the backup
 *   never overwrites a topic the reader has. Every backup topic must still be valid (shape and topic rules).
 * - Settings: each known setting in the backup replaces the current one; unknown ones are ignored (a warning).
 */
import type { BackupFile } from '../backup/backup-file';
import { planRestore, type RestorePlan } from '../backup/plan-restore';
import type { BackupError } from '../backup/problems';
import { checkTopicShape } from '../../entrypoints/background/validate-request';
import type { Prefs } from '../storage/prefs-schema';
import { isPrefKey, PREF_CHECKS } from '../storage/prefs-schema';
import type { HiddenPaper, SavedPaper } from '../storage/records';
import type { Topic } from '../topics/types';
import { topicNameKey, validateTopic } from '../topics/validate';

export interface CurrentData {
  saved: readonly SavedPaper[];
  hidden: readonly HiddenPaper[];
  topics: readonly Topic[];
  prefs: Prefs;
}

export interface FullRestorePlan {
  library: RestorePlan;
  topicsAdd: Topic[];
  topicsSkip: Array<{ id: string; name: string; reason: string }>;
  /** The settings that change (empty when none does). */
  settings: Partial<Prefs>;
  /** The whole restore in one line, e.g. "124 new, 3 updated, 2 skipped because …; 1 topic added; settings restored". */
  summary: string;
  /** True when applying the plan would change nothing. */
  empty: boolean;
}

export type FullRestorePlanning =
  | { ok: true; plan: FullRestorePlan; warnings: string[] }
  | { ok: false; errors: BackupError[] };

export const TOPIC_SKIP_SAME_ID = 'you already have it';
export const TOPIC_SKIP_SAME_NAME = 'a topic with that name exists';
export const TOPIC_SKIP_DUPLICATE = 'listed twice in the backup';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const show = (v: unknown) => (typeof v === 'string' ? JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v) : v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v === 'object' ? 'an object' : String(v));

function planTopics(current: readonly Topic[], incoming: readonly unknown[], errors: BackupError[]) {
  const add: Topic[] = [];
  const skip: FullRestorePlan['topicsSkip'] = [];
  const ids = new Set(current.map((t) => t.id));
  const names = new Set(current.map((t) => topicNameKey(t.name)));
  const seen = new Set<string>();
  incoming.forEach((raw, i) => {
    const at = `topics[${i}]`;
    const shape = checkTopicShape(raw, at);
    if (!shape.ok) return void errors.push(splitPath(shape.error, at));
    const rules = validateTopic(shape.topic, []);
    if (!rules.ok) return void errors.push({ path: at, message: `(topic "${shape.topic.name}"): ${rules.errors.join(' ')}` });
    const topic = rules.topic;
    const nameKey = topicNameKey(topic.name);
    if (seen.has(topic.id)) return void skip.push({ id: topic.id, name: topic.name, reason: TOPIC_SKIP_DUPLICATE });
    seen.add(topic.id);
    if (ids.has(topic.id)) return void skip.push({ id: topic.id, name: topic.name, reason: TOPIC_SKIP_SAME_ID });
    if (names.has(nameKey)) return void skip.push({ id: topic.id, name: topic.name, reason: TOPIC_SKIP_SAME_NAME });
    ids.add(topic.id);
    names.add(nameKey);
    add.push(topic);
  });
  return { add, skip };
}

function planSettings(current: Prefs, raw: unknown, errors: BackupError[], warnings: string[]): Partial<Prefs> {
  if (raw === null || raw === undefined) {
    warnings.push('The backup has no settings; yours stay as they are.');
    return {};
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    errors.push({ path: 'settings', message: `must be an object of settings, not ${show(raw)}` });
    return {};
  }
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!isPrefKey(key)) {
      warnings.push(`Ignored the unknown setting ${JSON.stringify(key)}.`);
      continue;
    }
    const check = PREF_CHECKS[key];
    if (!check.test(value)) errors.push({ path: `settings.${key}`, message: `must be ${check.what}, not ${show(value)}` });
    else if (current[key] !== value) patch[key] = value;
  }
  return patch as Partial<Prefs>;
}

function summarize(plan: Omit<FullRestorePlan, 'summary' | 'empty'>): string {
  const parts = [plan.library.summary];
  const { topicsAdd, topicsSkip } = plan;
  if (topicsAdd.length > 0 || topicsSkip.length > 0) {
    let t = `${plural(topicsAdd.length, 'topic')} added`;
    if (topicsSkip.length > 0) {
      const reasons = [...new Set(topicsSkip.map((s) => s.reason))];
      t += `, ${topicsSkip.length} skipped because ${reasons.join(', ')}`;
    }
    parts.push(t);
  }
  const changed = Object.keys(plan.settings).length;
  parts.push(changed === 0 ? 'settings unchanged' : `${plural(changed, 'setting')} restored`);
  return parts.join('; ');
}

export function planFullRestore(current: CurrentData, backup: BackupFile): FullRestorePlanning {
  const errors: BackupError[] = [];
  const warnings: string[] = [];
  const topics = planTopics(current.topics, backup.topics, errors);
  const settings = planSettings(current.prefs, backup.settings, errors, warnings);
  if (errors.length > 0) return { ok: false, errors };
  const library = planRestore(current, backup);
  const base = { library, topicsAdd: topics.add, topicsSkip: topics.skip, settings };
  const empty =
    library.add.length + library.update.length + library.hiddenAdd.length + topics.add.length + Object.keys(settings).length === 0;
  return { ok: true, plan: { ...base, summary: summarize(base), empty }, warnings };
}

/** `topics[2].colour must be …` → path `topics[2].colour`, message `must be …`. */
function splitPath(error: string, at: string): BackupError {
  if (!error.startsWith(at)) return { path: at, message: error };
  const space = error.indexOf(' ');
  return space < 0 ? { path: at, message: error } : { path: error.slice(0, space), message: error.slice(space + 1) };
}

/** One error as a sentence: `saved[3].title must be a string, not a number`. */
export function describeBackupError(e: BackupError): string {
  return e.path === '' ? e.message : `${e.path} ${e.message}`;
}
