import { describe, expect, it } from 'vitest';
import type { LastPageSource } from '../../../entrypoints/options/topics/last-page-source';
import { TopicsPanel } from '../../../entrypoints/options/TopicsPanel';
import type { LastPage } from '../../../utils/storage/last-page';
import { button, click, field, mount, settle, text, type } from './dom';
import { fakeTopicsClient, topic } from './fake-topics-client';

const PAGE: LastPage = {
  v: 1,
  url: 'https://huggingface.co/papers/date/2026-11-27',
  at: 1,
  papers: [
    { id: '2410.11842', title: 'MoH: Multi-Head Attention as Mixture-of-Head Attention', abstract: 'We study multi-head attention.' },
    { id: '2406.15765', title: 'Hidden Attention Sinks in Large Language Models', abstract: 'Attention sinks appear in large language models.' },
    { id: '2410.24210', title: 'TabM: Tabular Deep Learning', abstract: 'Ensembling for tables; no attention deficit here.' },
    { id: '2501.00663', title: 'Titans: Learning to Memorize at Test Time', abstract: 'A neural long-term memory module.' },
  ],
};

function pageSource(page: LastPage | null): LastPageSource & { set(p: LastPage | null): void } {
  let current = page;
  const watchers = new Set<() => void>();
  return {
    read: async () => current,
    watch: (cb) => {
      watchers.add(cb);
      return () => watchers.delete(cb);
    },
    set(p) {
      current = p;
      watchers.forEach((w) => w());
    },
  };
}

const previewCount = (root: HTMLElement) => text(root.querySelector('.preview-count'));
const marks = (root: HTMLElement) => [...root.querySelectorAll('.topic-preview mark')].map(text);

describe('TopicsPanel', () => {
  it('creates a topic with a phrase and an exclusion, previews it on the last page and saves it', async () => {
    const client = fakeTopicsClient();
    const root = await mount(<TopicsPanel client={client} lastPage={pageSource(PAGE)} settleMs={0} />);
    await click(button(root, 'New topic'));
    expect(text(root.querySelector('#topic-editor-title'))).toBe('New topic');

    await type(field(root, 'Name'), 'Attention');
    await type(field(root, 'Terms'), 'attention\n"language models"');
    await type(field(root, 'Exclusions'), 'attention deficit');
    await settle();
    expect(previewCount(root)).toBe('Matches 2 of 4 papers on huggingface.co/papers/date/2026-11-27');
    const titles = [...root.querySelectorAll('.preview-title')].map(text);
    expect(titles).toEqual([PAGE.papers[0]!.title, PAGE.papers[1]!.title]);
    expect(marks(root)).toEqual(expect.arrayContaining(['Attention', 'attention', 'Language Models', 'language models']));
    // Marks are real elements with text, never markup from the page.
    const firstTitle = root.querySelector('.preview-title')!;
    expect([...firstTitle.querySelectorAll('mark')].map(text)).toEqual(['Attention', 'Attention']);
    expect(text(root.querySelector('.preview-missed summary'))).toBe('Papers it does not match (2)');

    await click(button(root, 'Save'));
    expect(client.put).toHaveBeenCalledTimes(1);
    expect(client.put.mock.calls[0]![0]).toMatchObject({
      name: 'Attention',
      terms: ['attention', '"language models"'],
      exclusions: ['attention deficit'],
      mode: 'highlight',
    });
    expect(text(root.querySelector('.topic-index'))).toContain('Attention');
    expect(text(root.querySelector('#topic-editor-title'))).toBe('Edit “Attention”');
    expect(text(root)).toContain('Saved “Attention”.');
  });

  it('refuses a catastrophic regex inline with the reason, and does not save', async () => {
    const client = fakeTopicsClient();
    const root = await mount(<TopicsPanel client={client} lastPage={pageSource(PAGE)} settleMs={0} />);
    await click(button(root, 'New topic'));
    await type(field(root, 'Name'), 'Bad regex');
    await type(field(root, 'Terms'), '/(a+)+$/');
    await settle();
    await click(button(root, 'Save'));
    expect(client.put).not.toHaveBeenCalled();
    const errors = text(root.querySelector('#topic-terms-errors'));
    expect(errors).toMatch(/\/\(a\+\)\+\$\/ is refused: nested quantifiers/);
    expect(errors).toMatch(/backtracks catastrophically/);
    expect(field(root, 'Terms')!.getAttribute('aria-invalid')).toBe('true');
    expect(field(root, 'Terms')!.getAttribute('aria-describedby')).toContain('topic-terms-errors');
    expect(document.activeElement).toBe(field(root, 'Terms'));
  });

  it('shows name problems once the field was left, and every problem after Save', async () => {
    const client = fakeTopicsClient([topic()]);
    const root = await mount(<TopicsPanel client={client} lastPage={pageSource(PAGE)} settleMs={0} />);
    await click(button(root, 'New topic'));
    expect(root.querySelector('.field-error')).toBeNull();
    await type(field(root, 'Name'), 'ATTENTION');
    field(root, 'Name')!.dispatchEvent(new Event('blur'));
    await settle();
    expect(text(root.querySelector('#topic-name-errors'))).toBe('A topic named "attention" already exists.');
    await click(button(root, 'Save'));
    expect(text(root.querySelector('#topic-terms-errors'))).toBe('Add at least one term.');
  });

  it('warns about a custom colour with poor contrast', async () => {
    const root = await mount(<TopicsPanel client={fakeTopicsClient()} lastPage={pageSource(PAGE)} settleMs={0} />);
    await click(button(root, 'New topic'));
    const picker = root.querySelector<HTMLInputElement>('input[type="color"]')!;
    await type(picker, '#fef08a');
    await settle();
    expect(text(root.querySelector('#topic-colour-errors'))).toMatch(/Poor contrast: .* on light pages/);
    expect(root.querySelector<HTMLInputElement>('input[name="topic-colour"]:checked')).toBeNull();
    // A palette swatch fixes it.
    await click(root.querySelector('input[name="topic-colour"][value="#16a34a"]'));
    expect(root.querySelector('#topic-colour-errors')).toBeNull();
  });

  it('says how to get a preview when no papers page was visited, and updates when one is', async () => {
    const source = pageSource(null);
    const root = await mount(<TopicsPanel client={fakeTopicsClient([topic()])} lastPage={source} settleMs={0} />);
    await click(root.querySelector('.topic-index-item'));
    expect(text(root.querySelector('.topic-preview'))).toMatch(/No papers to preview yet\. Visit a Hugging Face papers page/);
    source.set(PAGE);
    await settle();
    expect(previewCount(root)).toBe('Matches 3 of 4 papers on huggingface.co/papers/date/2026-11-27');
  });

  it('deletes with Undo, which restores the topic and reopens it', async () => {
    const original = topic({ terms: ['attention', 'self-attention'], createdAt: 7 });
    const client = fakeTopicsClient([original]);
    const root = await mount(<TopicsPanel client={client} lastPage={pageSource(PAGE)} settleMs={0} />);
    await click(root.querySelector('.topic-index-item'));
    await click(button(root, 'Delete topic'));
    expect(client.remove).toHaveBeenCalledWith('attn');
    expect(root.querySelector('.topic-index-item')).toBeNull();
    expect(text(root.querySelector('.undo-bar'))).toMatch(/Deleted “attention”/);
    await click(button(root, 'Undo'));
    expect(client.put).toHaveBeenLastCalledWith(original);
    expect(text(root.querySelector('.topic-index-item'))).toContain('attention');
    expect(text(root.querySelector('#topic-editor-title'))).toBe('Edit “attention”');
  });

  it('keeps an Undo for each topic deleted, until it is used or dismissed', async () => {
    const [a, b] = [topic({ createdAt: 1 }), topic({ id: 'agents', name: 'agents', terms: ['agent*'], createdAt: 2 })];
    const client = fakeTopicsClient([a, b]);
    const root = await mount(<TopicsPanel client={client} lastPage={pageSource(PAGE)} settleMs={0} />);
    for (const _ of [a, b]) {
      await click(root.querySelector('.topic-index-item'));
      await click(button(root, 'Delete topic'));
    }
    const bars = () => [...root.querySelectorAll('.undo-bar')].map((bar) => text(bar).split(' · ')[0]);
    expect(bars()).toEqual(['Deleted “agents”', 'Deleted “attention”']);
    await click(button(root.querySelector('.undo-bar')!, 'Dismiss'));
    expect(bars()).toEqual(['Deleted “attention”']);
    await click(button(root.querySelector('.undo-bar')!, 'Undo'));
    expect(client.put).toHaveBeenLastCalledWith(a);
    expect(bars()).toEqual([]);
    expect([...root.querySelectorAll('.topic-index-item')].map(text).join()).toContain('attention');
  });

  it('shows the storage note when topics are kept in this browser only', async () => {
    const client = fakeTopicsClient([topic()]);
    client.storage = { area: 'local', reason: 'Topic sync is turned off, so topics are kept in this browser only.' };
    const root = await mount(<TopicsPanel client={client} lastPage={pageSource(PAGE)} settleMs={0} />);
    expect(text(root.querySelector('.storage-note'))).toBe('Topic sync is turned off, so topics are kept in this browser only.');
  });

  it('follows a change made elsewhere while the topic is open without edits, and keeps the reader’s edits otherwise', async () => {
    const client = fakeTopicsClient([topic()]);
    const root = await mount(<TopicsPanel client={client} lastPage={pageSource(PAGE)} settleMs={0} />);
    await click(root.querySelector('.topic-index-item'));
    client.changeElsewhere(() => [topic({ terms: ['attention', 'sink*'] })]);
    await settle();
    expect((field(root, 'Terms') as HTMLTextAreaElement).value).toBe('attention\nsink*');

    await type(field(root, 'Name'), 'my attention');
    client.changeElsewhere(() => [topic({ terms: ['attention'] })]);
    await settle();
    expect((field(root, 'Name') as HTMLInputElement).value).toBe('my attention');
    expect(text(root)).toContain('This topic was changed in another window');
  });

  it('asks before discarding unsaved edits when another topic is picked', async () => {
    const client = fakeTopicsClient([topic(), topic({ id: 'agents', name: 'agents', terms: ['agent*'], createdAt: 2 })]);
    const root = await mount(<TopicsPanel client={client} lastPage={pageSource(PAGE)} settleMs={0} />);
    const items = () => [...root.querySelectorAll('.topic-index-item')];
    await click(items()[0]!);
    await type(field(root, 'Name'), 'changed');
    await click(items()[1]!);
    expect(text(root.querySelector('#topic-editor-title'))).toBe('Edit “attention”');
    expect(document.activeElement).toBe(button(root, 'Discard changes'));
    await click(button(root, 'Discard changes'));
    expect(text(root.querySelector('#topic-editor-title'))).toBe('Edit “agents”');
  });
});
