import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background/index';
import {
  createTopicMenus,
  HF_PAPERS_PATTERNS,
  onTopicMenuClicked,
  TOPIC_MENU_IDS,
} from '../../../entrypoints/background/context-menu';
import { handleRequest } from '../../../entrypoints/background/handlers';
import { cleanSelection, MAX_SELECTION_LENGTH, topicFromSelection } from '../../../entrypoints/background/selection-topic';
import { listTopics } from '../../../utils/storage/topic-store';
import { TOPIC_PALETTE } from '../../../utils/topics/palette';
import { installFakeMenus, type FakeMenus } from './fake-menus';
import { topic } from './sample-topics';

describe('cleanSelection', () => {
  it('trims and collapses whitespace', () => {
    expect(cleanSelection('  world\n\t models  ')).toBe('world models');
    expect(cleanSelection(' \n ')).toBe('');
  });

  it(`caps at ${MAX_SELECTION_LENGTH} characters without splitting a surrogate pair or ending in a space`, () => {
    expect(cleanSelection('x'.repeat(500))).toHaveLength(MAX_SELECTION_LENGTH);
    const emoji = `${'a'.repeat(MAX_SELECTION_LENGTH - 1)}😀b`;
    expect(cleanSelection(emoji)).toBe('a'.repeat(MAX_SELECTION_LENGTH - 1));
    expect(cleanSelection(`${'a'.repeat(MAX_SELECTION_LENGTH - 1)} bcd`)).toBe('a'.repeat(MAX_SELECTION_LENGTH - 1));
  });
});

describe('topicFromSelection', () => {
  it('creates a topic named after the selection, with it as the only term and the next palette colour', () => {
    const existing = [topic({ id: 'a', name: 'Agents', colour: TOPIC_PALETTE[0] })];
    expect(topicFromSelection('  Mixture   of Experts ', 'mute', existing, 123, 'new-id')).toEqual({
      kind: 'created',
      topic: {
        id: 'new-id',
        name: 'Mixture of Experts',
        colour: TOPIC_PALETTE[1],
        terms: ['Mixture of Experts'],
        exclusions: [],
        fields: ['title', 'abstract', 'keywords', 'authors', 'organization'],
        mode: 'mute',
        createdAt: 123,
      },
    });
  });

  it('switches the mode of an existing topic with that name (case-insensitively) instead of duplicating it', () => {
    const agents = topic({ id: 'a', name: 'Agents', mode: 'highlight', terms: ['agent*', 'tool use'] });
    expect(topicFromSelection(' agents ', 'mute', [agents], 5, 'unused')).toEqual({ kind: 'updated', topic: { ...agents, mode: 'mute' } });
    expect(topicFromSelection('AGENTS', 'highlight', [agents], 5, 'unused')).toEqual({ kind: 'unchanged', topic: agents });
  });

  it('names a long selection with its first 80 characters and an ellipsis; the term keeps up to 100', () => {
    const text = 'word '.repeat(30);
    const made = topicFromSelection(text, 'highlight', [], 1, 'id')!.topic;
    expect(made.terms).toEqual([cleanSelection(text)]);
    expect(made.terms[0]).toHaveLength(99);
    expect(made.name).toBe(`${'word '.repeat(16).trimEnd()}…`);
    expect(made.name).toHaveLength(80);
  });

  it('matches an existing name the way validateTopic does (accents ignored)', () => {
    const cafe = topic({ id: 'c', name: 'Café', mode: 'highlight' });
    expect(topicFromSelection('cafe', 'mute', [cafe], 1, 'id')).toEqual({ kind: 'updated', topic: { ...cafe, mode: 'mute' } });
  });

  it('quotes a selection that would otherwise be read as a /regex/', () => {
    expect(topicFromSelection('/api/', 'highlight', [], 1, 'id')?.topic.terms).toEqual(['"/api/"']);
  });

  it('is null for an empty selection', () => {
    expect(topicFromSelection('  \n', 'highlight', [], 1, 'id')).toBeNull();
  });
});

describe('context menu wiring', () => {
  let menus: FakeMenus;

  beforeEach(() => {
    menus = installFakeMenus();
  });

  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('creates two selection items limited to the HF papers pages, on install and again on startup', async () => {
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' } as never);
    await vi.waitFor(() => expect(menus.items.size).toBe(2));
    expect([...menus.items.values()]).toEqual([
      { id: TOPIC_MENU_IDS.highlight, title: 'Highlight “%s” as a topic', contexts: ['selection'], documentUrlPatterns: HF_PAPERS_PATTERNS },
      { id: TOPIC_MENU_IDS.mute, title: 'Mute “%s”', contexts: ['selection'], documentUrlPatterns: HF_PAPERS_PATTERNS },
    ]);
    expect(HF_PAPERS_PATTERNS).toEqual([
      'https://huggingface.co/papers',
      'https://huggingface.co/papers?*',
      'https://huggingface.co/papers/*',
    ]);
    await fakeBrowser.runtime.onStartup.trigger();
    await createTopicMenus();
    expect(menus.items.size).toBe(2);
    expect(menus.errors).toEqual([]);
  });

  it('concurrent (re)creations do not clash on the ids (onInstalled and onStartup can both fire)', async () => {
    await Promise.all([createTopicMenus(), createTopicMenus(), createTopicMenus()]);
    expect(menus.errors).toEqual([]);
    expect([...menus.items.keys()]).toEqual([TOPIC_MENU_IDS.highlight, TOPIC_MENU_IDS.mute]);
  });

  it('a click registered at startup creates the topic (in sync), and a second click switches its mode', async () => {
    background.main();
    menus.click({ menuItemId: TOPIC_MENU_IDS.highlight, selectionText: ' diffusion  models ' });
    await vi.waitFor(async () => expect(await listTopics()).toHaveLength(1));
    const [created] = await listTopics();
    expect(created).toMatchObject({ name: 'diffusion models', terms: ['diffusion models'], mode: 'highlight', colour: TOPIC_PALETTE[0] });
    expect(Object.keys(await fakeBrowser.storage.sync.get(null))).toEqual([`topic:${created!.id}`]);

    menus.click({ menuItemId: TOPIC_MENU_IDS.mute, selectionText: 'Diffusion Models' });
    await vi.waitFor(async () => expect((await listTopics())[0]?.mode).toBe('mute'));
    expect(await listTopics()).toEqual([{ ...created, mode: 'mute' }]);
  });

  it('ignores other menu items and empty selections', async () => {
    expect(await onTopicMenuClicked({ menuItemId: 'someone-else', selectionText: 'x', editable: false, pageUrl: '' })).toBeUndefined();
    expect(await onTopicMenuClicked({ menuItemId: TOPIC_MENU_IDS.mute, editable: false, pageUrl: '' })).toBeUndefined();
    expect(await onTopicMenuClicked({ menuItemId: TOPIC_MENU_IDS.mute, selectionText: '   ', editable: false, pageUrl: '' })).toBeNull();
    expect(await listTopics()).toEqual([]);
  });

  it('new topics from the menu get distinct palette colours and respect topicSync', async () => {
    const click = (text: string) =>
      onTopicMenuClicked({ menuItemId: TOPIC_MENU_IDS.highlight, selectionText: text, editable: false, pageUrl: '' });
    await click('one');
    await handleRequest({ type: 'prefs/set', patch: { topicSync: false } });
    await click('two');
    const topics = await listTopics();
    expect(topics.map((t) => t.colour)).toEqual([TOPIC_PALETTE[0], TOPIC_PALETTE[1]]);
    expect(Object.keys(await fakeBrowser.storage.sync.get(null))).toEqual([]);
    expect(Object.keys(await fakeBrowser.storage.local.get(null)).filter((k) => k.startsWith('topic:'))).toHaveLength(2);
  });

  it('a selection that makes no valid topic creates nothing and is logged', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await onTopicMenuClicked({ menuItemId: TOPIC_MENU_IDS.mute, selectionText: '***', editable: false, pageUrl: '' })).toBeNull();
    expect(await listTopics()).toEqual([]);
    expect(String(warn.mock.calls[0]?.[1])).toMatch(/Term "\*\*\*"/);
  });

  it('a failure is logged, not thrown', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('sync unavailable'));
    expect(await onTopicMenuClicked({ menuItemId: TOPIC_MENU_IDS.mute, selectionText: 'x', editable: false, pageUrl: '' })).toBeNull();
    expect(warn).toHaveBeenCalled();
  });
});
