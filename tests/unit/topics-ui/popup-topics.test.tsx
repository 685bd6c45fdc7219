import { describe, expect, it, vi } from 'vitest';
import { PopupView } from '../../../entrypoints/popup/PopupView';
import { PopupTopics } from '../../../entrypoints/popup/topics/PopupTopics';
import { TopicQuickAdd } from '../../../entrypoints/popup/topics/TopicQuickAdd';
import type { PopupData } from '../../../entrypoints/popup/data/load-popup-data';
import type { Topic } from '../../../utils/topics/types';
import { button, click, mount, press, settle, text, type } from './dom';
import { fakeTopicsClient, topic } from './fake-topics-client';

const input = (root: HTMLElement) => root.querySelector<HTMLInputElement>('#add-topic');

describe('TopicQuickAdd', () => {
  it('is an input labelled "Add a topic"', async () => {
    const root = await mount(<TopicQuickAdd topics={[]} save={async (t) => t} />);
    const label = root.querySelector('label[for="add-topic"]');
    expect(text(label)).toBe('Add a topic');
    expect(input(root)).not.toBeNull();
  });

  it('Enter with "-diffusion" sends a muted topic named diffusion and clears the input', async () => {
    const save = vi.fn(async (t: Topic) => t);
    const root = await mount(<TopicQuickAdd topics={[topic()]} save={save} />);
    await type(input(root), '-diffusion');
    await press(input(root), 'Enter');
    expect(save).toHaveBeenCalledTimes(1);
    const sent = save.mock.calls[0]![0];
    expect(sent).toMatchObject({ name: 'diffusion', terms: ['diffusion'], exclusions: [], mode: 'mute' });
    // Filled in by validateTopic: an id, a palette colour not taken yet, every field.
    expect(sent.id).toMatch(/\S/);
    expect(sent.colour).not.toBe('#3b82f6');
    expect(sent.fields).toHaveLength(5);
    expect(input(root)!.value).toBe('');
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('sends several comma-separated terms as one topic', async () => {
    const save = vi.fn(async (t: Topic) => t);
    const root = await mount(<TopicQuickAdd topics={[]} save={save} />);
    await type(input(root), 'diffusion, "score matching"');
    await press(input(root), 'Enter');
    expect(save.mock.calls[0]![0]).toMatchObject({ name: 'diffusion', terms: ['diffusion', 'score matching'], mode: 'highlight' });
  });

  it('shows why empty input, a duplicate name or a bad regex is refused, and sends nothing', async () => {
    const save = vi.fn(async (t: Topic) => t);
    const root = await mount(<TopicQuickAdd topics={[topic()]} save={save} />);
    const field = input(root)!;

    await type(field, '   ');
    await press(field, 'Enter');
    expect(text(root.querySelector('[role="alert"]'))).toMatch(/Type a word/);
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toContain('add-topic-error');

    await type(field, 'Attention');
    expect(root.querySelector('[role="alert"]')).toBeNull(); // typing clears the message
    await press(field, 'Enter');
    expect(text(root.querySelector('[role="alert"]'))).toBe('A topic named "attention" already exists.');

    await type(field, '-attention');
    await press(field, 'Enter');
    expect(text(root.querySelector('[role="alert"]'))).toMatch(/already exists\. To mute it, use its Mute button below\./);

    await type(field, '/(a+)+$/');
    await press(field, 'Enter');
    expect(text(root.querySelector('[role="alert"]'))).toMatch(/Term "\/\(a\+\)\+\$\/": nested quantifiers/);

    expect(save).not.toHaveBeenCalled();
    expect(field.value).toBe('/(a+)+$/'); // kept for correcting
  });

  it('shows the background’s refusal', async () => {
    const save = vi.fn(async () => {
      throw new Error('Could not store the topic: sync storage is full');
    });
    const root = await mount(<TopicQuickAdd topics={[]} save={save} />);
    await type(input(root), 'agents');
    await press(input(root), 'Enter');
    expect(text(root.querySelector('[role="alert"]'))).toBe('Could not store the topic: sync storage is full');
    expect(input(root)!.value).toBe('agents');
  });
});

describe('PopupTopics', () => {
  it('lists topics with colour, mode and counts on this page', async () => {
    const client = fakeTopicsClient([topic(), topic({ id: 'diff', name: 'diffusion', terms: ['diffusion', 'score matching'], mode: 'mute', colour: '#ea580c', createdAt: 2 })]);
    const root = await mount(<PopupTopics client={client} counts={{ attn: 25 }} />);
    const rows = [...root.querySelectorAll('.topic-row')];
    expect(rows.map((r) => r.getAttribute('data-topic-id'))).toEqual(['attn', 'diff']);
    expect(text(rows[0]!.querySelector('.topic-count'))).toBe('25 papers on this page');
    expect(text(rows[1]!.querySelector('.topic-count'))).toBe('0 papers on this page');
    expect(text(rows[1])).toContain('muted');
    expect(text(rows[1]!.querySelector('.topic-terms'))).toBe('diffusion, score matching');
    expect((rows[1]!.querySelector('.topic-swatch') as HTMLElement).style.backgroundColor).toBeTruthy();
    expect(button(rows[1]!, 'Mute diffusion')!.getAttribute('aria-pressed')).toBe('true');
    expect(button(rows[0]!, 'Mute attention')!.getAttribute('aria-pressed')).toBe('false');
  });

  it('hides counts when the tab is not a papers page', async () => {
    const root = await mount(<PopupTopics client={fakeTopicsClient([topic()])} counts={null} />);
    expect(root.querySelector('.topic-count')).toBeNull();
  });

  it('adds a topic from the input and lists it', async () => {
    const client = fakeTopicsClient();
    const root = await mount(<PopupTopics client={client} counts={{}} />);
    expect(text(root)).toContain('No topics yet');
    await type(input(root), '-diffusion');
    await press(input(root), 'Enter');
    const row = root.querySelector('.topic-row');
    expect(text(row?.querySelector('.topic-name'))).toBe('diffusion');
    expect(row?.getAttribute('data-topic-mode')).toBe('mute');
  });

  it('toggles mute by storing the topic with the other mode', async () => {
    const client = fakeTopicsClient([topic()]);
    const root = await mount(<PopupTopics client={client} counts={{}} />);
    await click(button(root, 'Mute attention'));
    expect(client.put).toHaveBeenCalledWith({ ...topic(), mode: 'mute' });
    expect(button(root, 'Mute attention')!.getAttribute('aria-pressed')).toBe('true');
  });

  it('deletes with an Undo that puts the same topic back', async () => {
    const original = topic({ exclusions: ['deficit'], createdAt: 42 });
    const client = fakeTopicsClient([original]);
    const root = await mount(<PopupTopics client={client} counts={{}} />);
    await click(button(root, 'Delete attention'));
    expect(client.remove).toHaveBeenCalledWith('attn');
    expect(root.querySelector('.topic-row')).toBeNull();
    const bar = root.querySelector('.undo-bar');
    expect(text(bar)).toMatch(/^Deleted “attention” · Undo/);
    expect(document.activeElement).toBe(button(bar!, 'Undo'));
    await click(button(bar!, 'Undo'));
    expect(client.put).toHaveBeenLastCalledWith(original);
    expect(root.querySelector('.undo-bar')).toBeNull();
    expect(root.querySelector('.topic-row')?.getAttribute('data-topic-id')).toBe('attn');
  });

  it('two topics deleted in a row can both be brought back, each by its own Undo', async () => {
    const [a, b] = [topic({ createdAt: 1 }), topic({ id: 'agents', name: 'agents', terms: ['agent*'], createdAt: 2 })];
    const client = fakeTopicsClient([a, b]);
    const root = await mount(<PopupTopics client={client} counts={{}} />);
    await click(button(root, 'Delete attention'));
    await click(button(root, 'Delete agents'));
    const bars = () => [...root.querySelectorAll('.undo-bar')];
    expect(bars().map((bar) => text(bar).split(' · ')[0])).toEqual(['Deleted “agents”', 'Deleted “attention”']); // newest first
    expect(document.activeElement).toBe(button(bars()[0]!, 'Undo'));
    await click(button(bars()[1]!, 'Undo')); // the older one
    expect(client.put).toHaveBeenLastCalledWith(a);
    expect(bars().map((bar) => text(bar).split(' · ')[0])).toEqual(['Deleted “agents”']);
    await click(button(bars()[0]!, 'Undo'));
    expect(client.put).toHaveBeenLastCalledWith(b);
    expect(bars()).toEqual([]);
    expect([...root.querySelectorAll('.topic-row')].map((r) => r.getAttribute('data-topic-id')).sort()).toEqual(['agents', 'attn']);
  });

  it('follows changes made elsewhere', async () => {
    const client = fakeTopicsClient([topic()]);
    const root = await mount(<PopupTopics client={client} counts={{}} />);
    client.changeElsewhere((ts) => [...ts, topic({ id: 'agents', name: 'agents', terms: ['agent*'], createdAt: 9 })]);
    await settle();
    expect([...root.querySelectorAll('.topic-name')].map(text)).toEqual(['attention', 'agents']);
  });
});

describe('PopupView', () => {
  const data = (topicCounts: Record<string, number>): PopupData => ({
    page: { state: 'papers', stats: { kind: 'daily', url: 'https://huggingface.co/papers/date/2026-11-27', found: 27, saved: 0, hidden: 0, topicCounts } },
    recent: [],
    recentError: null,
  });

  it('shows the topics with the tab’s counts and opens the library', async () => {
    const openLibrary = vi.fn();
    const client = fakeTopicsClient([topic()]);
    const root = await mount(<PopupView load={async () => data({ attn: 7 })} topics={client} openLibrary={openLibrary} reloadPage={async () => data({}).page} />);
    expect(text(root.querySelector('.topic-count'))).toBe('7 papers on this page');
    const link = [...root.querySelectorAll('a')].find((a) => text(a) === 'Open library');
    expect(link).toBeDefined();
    await click(link!);
    expect(openLibrary).toHaveBeenCalledTimes(1);
  });

  it('asks the tab for fresh counts after topics change', async () => {
    const client = fakeTopicsClient([topic()]);
    const reloadPage = vi.fn(async () => data({ attn: 3 }).page);
    const root = await mount(
      <PopupView load={async () => data({ attn: 7 })} topics={client} reloadPage={reloadPage} recountDelaysMs={[0]} />,
    );
    expect(text(root.querySelector('.topic-count'))).toBe('7 papers on this page');
    expect(reloadPage).not.toHaveBeenCalled();
    client.changeElsewhere((ts) => ts);
    await settle();
    expect(reloadPage).toHaveBeenCalledTimes(1);
    expect(text(root.querySelector('.topic-count'))).toBe('3 papers on this page');
  });
});
