import { describe, expect, it } from 'vitest';
import { makeBackup } from '../../../utils/backup/backup-file';
import { planFullRestore, TOPIC_SKIP_DUPLICATE, TOPIC_SKIP_SAME_ID, TOPIC_SKIP_SAME_NAME } from '../../../utils/library/restore-plan';
import { DEFAULT_PREFS } from '../../../utils/storage/prefs-schema';
import { topic } from '../topics-store/sample-topics';
import { hidden, saved } from './records';

const mine = topic({ id: 'mine', name: 'LLM Agents' });
const current = { saved: [saved(0)], hidden: [hidden(1)], topics: [mine], prefs: DEFAULT_PREFS };
const backup = (over: { topics?: unknown[]; settings?: unknown }) =>
  makeBackup({ saved: [saved(0), saved(2)], hidden: [hidden(1), hidden(3)], topics: over.topics ?? [], settings: over.settings ?? DEFAULT_PREFS }, 0);

describe('planFullRestore', () => {
  it('adds new topics; keeps the reader\'s own (same id or same name, accents and case aside); skips repeats', () => {
    const planning = planFullRestore(current, backup({
      topics: [
        topic({ id: 'mine', name: 'Something else' }),
        topic({ id: 'other', name: '  llm   AGENTS ' }),
        topic({ id: 'new', name: 'Benchmarks' }),
        topic({ id: 'new', name: 'Benchmarks again' }),
      ],
    }));
    expect(planning.ok).toBe(true);
    if (!planning.ok) return;
    const { plan } = planning;
    expect(plan.topicsAdd.map((t) => t.id)).toEqual(['new']);
    expect(plan.topicsSkip.map((s) => s.reason)).toEqual([TOPIC_SKIP_SAME_ID, TOPIC_SKIP_SAME_NAME, TOPIC_SKIP_DUPLICATE]);
    expect(plan.library.add.map((p) => p.id)).toEqual([saved(2).id]);
    expect(plan.library.hiddenAdd.map((h) => h.id)).toEqual([hidden(3).id]);
    expect(plan.summary).toBe(
      `1 new, 0 updated, 1 skipped because already identical; 1 hidden paper added; 1 topic added, 3 skipped because ${TOPIC_SKIP_SAME_ID}, ${TOPIC_SKIP_SAME_NAME}, ${TOPIC_SKIP_DUPLICATE}; settings unchanged`,
    );
    expect(plan.empty).toBe(false);
  });

  it('restores only the settings that differ, ignores unknown ones with a warning', () => {
    const planning = planFullRestore(current, backup({ settings: { ...DEFAULT_PREFS, keyboard: false, futureThing: 1 } }));
    expect(planning).toMatchObject({ ok: true, warnings: ['Ignored the unknown setting "futureThing".'] });
    if (planning.ok) expect(planning.plan.settings).toEqual({ keyboard: false });
  });

  it('a backup without settings keeps the reader\'s, and says so', () => {
    const planning = planFullRestore(current, { ...backup({}), settings: null });
    expect(planning).toMatchObject({ ok: true, warnings: ['The backup has no settings; yours stay as they are.'] });
  });

  it('reports every bad topic and setting with its path, and plans nothing', () => {
    const planning = planFullRestore(current, backup({
      topics: [topic({ id: 'ok', name: 'Fine' }), { ...topic({ id: 'x' }), mode: 'shout' }, 'not a topic'],
      settings: { ...DEFAULT_PREFS, precedence: 'chaos', topicSync: 'yes' },
    }));
    expect(planning).toEqual({
      ok: false,
      errors: [
        { path: 'topics[1].mode', message: 'must be "highlight" or "mute" (got "shout")' },
        { path: 'topics[2]', message: 'must be an object (got "not a topic")' },
        { path: 'settings.precedence', message: 'must be "highlight-wins" or "mute-wins", not "chaos"' },
        { path: 'settings.topicSync', message: 'must be true or false, not "yes"' },
      ],
    });
  });

  it('nothing to do is an empty plan', () => {
    const planning = planFullRestore({ ...current, saved: [saved(0), saved(2)], hidden: [hidden(1), hidden(3)] }, backup({ topics: [mine] }));
    expect(planning.ok && planning.plan.empty).toBe(true);
  });
});
