import { describe, expect, it } from 'vitest';
import { LibraryMirror } from '../../../../entrypoints/content/pipeline/library-state';
import type { ChangeEvent, LibraryChange } from '../../../../utils/messaging/protocol';

const ev = (rev: number, change: LibraryChange): ChangeEvent => ({ rev, at: 1_000 + rev, change });

function loaded(rev = 5): LibraryMirror {
  const m = new LibraryMirror();
  m.load({ savedIds: ['2401.00001', '2401.00002'], hidden: [{ id: '2401.00003', reason: 'manual' }], rev });
  return m;
}

describe('LibraryMirror.load', () => {
  it('takes the whole state and replaces what was there', () => {
    const m = loaded();
    expect([...m.saved]).toEqual(['2401.00001', '2401.00002']);
    expect([...m.hidden]).toEqual([['2401.00003', 'manual']]);
    expect(m.rev).toBe(5);
    m.load({ savedIds: ['2401.00009'], hidden: [{ id: '2401.00008', reason: 'topic:Crypto' }], rev: 9 });
    expect([...m.saved]).toEqual(['2401.00009']);
    expect([...m.hidden]).toEqual([['2401.00008', 'topic:Crypto']]);
    expect(m.rev).toBe(9);
  });

  it('refuses a state older than an event it applied: a save is not undone by an answer sent before it', () => {
    const m = loaded(5);
    const beforeTheSave = { savedIds: ['2401.00001', '2401.00002'], hidden: [], rev: 5 };
    expect(m.applyEvent(ev(6, { type: 'saved', id: '2401.00004' }))).toBe(true);
    expect(m.load(beforeTheSave)).toBe(false);
    expect(m.saved.has('2401.00004')).toBe(true);
    expect(m.rev).toBe(6);
    // The same revision, or a newer one, is taken.
    expect(m.load({ ...beforeTheSave, savedIds: ['2401.00004'], rev: 6 })).toBe(true);
    expect([...m.saved]).toEqual(['2401.00004']);
  });
});

describe('LibraryMirror.applyEvent', () => {
  it('applies events that follow each other, in order', () => {
    const m = loaded(5);
    expect(m.applyEvent(ev(6, { type: 'saved', id: '2401.00004' }))).toBe(true);
    expect(m.applyEvent(ev(7, { type: 'hidden', id: '2401.00004', reason: 'topic:Crypto' }))).toBe(true);
    expect(m.applyEvent(ev(8, { type: 'unsaved', id: '2401.00001' }))).toBe(true);
    expect(m.applyEvent(ev(9, { type: 'unhidden', id: '2401.00003' }))).toBe(true);
    expect([...m.saved].sort()).toEqual(['2401.00002', '2401.00004']);
    expect([...m.hidden]).toEqual([['2401.00004', 'topic:Crypto']]);
    expect(m.rev).toBe(9);
  });

  it('ignores an event it has already seen (a duplicate or an older one)', () => {
    const m = loaded(5);
    expect(m.applyEvent(ev(5, { type: 'unsaved', id: '2401.00001' }))).toBe(true);
    expect(m.applyEvent(ev(3, { type: 'unhidden', id: '2401.00003' }))).toBe(true);
    expect(m.saved.has('2401.00001')).toBe(true);
    expect(m.hidden.get('2401.00003')).toBe('manual');
    expect(m.rev).toBe(5);
    // The same event twice: the second one changes nothing.
    expect(m.applyEvent(ev(6, { type: 'unsaved', id: '2401.00002' }))).toBe(true);
    m.saved.add('2401.00002'); // e.g. an optimistic save that followed
    expect(m.applyEvent(ev(6, { type: 'unsaved', id: '2401.00002' }))).toBe(true);
    expect(m.saved.has('2401.00002')).toBe(true);
  });

  it('says so when events were missed (a gap in revisions)', () => {
    const m = loaded(5);
    expect(m.applyEvent(ev(7, { type: 'saved', id: '2401.00004' }))).toBe(false);
    // After the gap it follows on from what it last heard.
    expect(m.applyEvent(ev(8, { type: 'saved', id: '2401.00005' }))).toBe(true);
    expect(m.applyEvent(ev(10, { type: 'saved', id: '2401.00006' }))).toBe(false);
  });

  it('a reload after a gap resets the revision, and later events follow it', () => {
    const m = loaded(5);
    expect(m.applyEvent(ev(9, { type: 'saved', id: '2401.00004' }))).toBe(false);
    m.load({ savedIds: ['2401.00004'], hidden: [], rev: 9 });
    expect(m.applyEvent(ev(9, { type: 'unsaved', id: '2401.00004' }))).toBe(true); // already in the loaded state
    expect(m.saved.has('2401.00004')).toBe(true);
    expect(m.applyEvent(ev(10, { type: 'unsaved', id: '2401.00004' }))).toBe(true);
    expect(m.saved.has('2401.00004')).toBe(false);
  });

  it('follows on from revision 0 (a library that never changed)', () => {
    const m = new LibraryMirror();
    m.load({ savedIds: [], hidden: [], rev: 0 });
    expect(m.applyEvent(ev(1, { type: 'saved', id: '2401.00001' }))).toBe(true);
    expect(m.saved.has('2401.00001')).toBe(true);
  });

  // A mirror whose state/get failed (rev -1) knows nothing: a lone event must make the caller refetch, or every
  // other saved/hidden paper would show as neither until the page is reloaded.
  it('a mirror that never loaded the state asks for a reload on its first event', () => {
    const m = new LibraryMirror();
    expect(m.applyEvent(ev(12, { type: 'saved', id: '2401.00001' }))).toBe(false);
  });
});
