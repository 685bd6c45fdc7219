/** Save and hide: what the reader sees, what survives a reload, and what other open tabs see. Both browsers. */
import { describe, expect, it } from 'vitest';
import { fixtureHtml, listedPapers } from '../../scripts/lib/fixtures';
import { cardById, eventually, useE2EBrowser, waitForDecoration, type CardRef } from './harness';

const save = (card: CardRef) => card.button(/Save/);
const hide = (card: CardRef) => card.button(/\bHide\b/);

const daily = listedPapers(fixtureHtml('daily'));
const [first, second] = [daily[0]!, daily[1]!];

describe('save and hide', () => {
  const browser = useE2EBrowser();

  it('persists across a reload and reaches a second tab live', async () => {
    const tabA = await browser().open('daily');
    const tabB = await browser().open('daily');
    await waitForDecoration(tabA, daily.length);
    await waitForDecoration(tabB, daily.length);

    const cardA = cardById(tabA, first.id);
    await save(cardA).click();
    await eventually(() => save(cardA).pressed(), (v) => expect(v).toBe('true'));
    await eventually(() => cardA.attr('data-papersift-saved'), (v) => expect(v).not.toBeNull());
    // Other cards untouched.
    expect(await save(cardById(tabA, second.id)).pressed()).toBe('false');

    const cardB = cardById(tabB, first.id);
    await eventually(() => save(cardB).pressed(), (v) => expect(v).toBe('true'));
    expect(await cardB.attr('data-papersift-saved')).not.toBeNull();

    await tabA.reload();
    await waitForDecoration(tabA, daily.length);
    await eventually(() => save(cardById(tabA, first.id)).pressed(), (v) => expect(v).toBe('true'));

    // Unsave goes the same way.
    await save(cardById(tabA, first.id)).click();
    await eventually(() => save(cardById(tabA, first.id)).pressed(), (v) => expect(v).toBe('false'));
    await eventually(() => save(cardB).pressed(), (v) => expect(v).toBe('false'));
    await tabA.reload();
    await waitForDecoration(tabA, daily.length);
    expect(await save(cardById(tabA, first.id)).pressed()).toBe('false');
    expect(await cardById(tabA, first.id).attr('data-papersift-saved')).toBeNull();
  });

  it('collapses the card to "Hidden: <title> · Show · Undo"; Undo restores it for good', async () => {
    const page = await browser().open('daily');
    await waitForDecoration(page, daily.length);
    const card = cardById(page, second.id);

    await hide(card).click();
    await eventually(() => card.attr('data-papersift-hidden'), (v) => expect(v).toBe('manual'));
    await eventually(() => card.uiText(), (t) => expect(t).toContain(`Hidden: ${second.title} · Show · Undo`));
    // Collapsed: the card's own title is no longer visible.
    expect(await card.titleVisible()).toBe(false);

    await page.reload();
    await waitForDecoration(page, daily.length);
    const reloaded = cardById(page, second.id);
    await eventually(() => reloaded.attr('data-papersift-hidden'), (v) => expect(v).toBe('manual'));
    await eventually(() => reloaded.uiText(), (t) => expect(t).toContain(`Hidden: ${second.title}`));

    await reloaded.button('Undo').click();
    await eventually(() => reloaded.attr('data-papersift-hidden'), (v) => expect(v).toBeNull());
    expect(await reloaded.titleVisible()).toBe(true);
    expect(await hide(reloaded).count()).toBe(1);

    await page.reload();
    await waitForDecoration(page, daily.length);
    expect(await cardById(page, second.id).attr('data-papersift-hidden')).toBeNull();
  });

  it('Show reveals a hidden card for this view only', async () => {
    const page = await browser().open('daily');
    await waitForDecoration(page, daily.length);
    const card = cardById(page, first.id);
    await hide(card).click();
    await eventually(() => card.uiText(), (t) => expect(t).toContain('Hidden:'));

    await card.button('Show').click();
    await eventually(() => card.titleVisible(), (v) => expect(v).toBe(true));
    // Still hidden in storage: the hook stays, and a reload collapses it again.
    expect(await card.attr('data-papersift-hidden')).toBe('manual');
    await page.reload();
    await waitForDecoration(page, daily.length);
    await eventually(() => cardById(page, first.id).uiText(), (t) => expect(t).toContain(`Hidden: ${first.title}`));
  });

  it('a hide reaches another open tab live', async () => {
    const tabA = await browser().open('daily');
    const tabB = await browser().open('daily');
    await waitForDecoration(tabA, daily.length);
    await waitForDecoration(tabB, daily.length);
    await hide(cardById(tabA, first.id)).click();
    await eventually(() => cardById(tabA, first.id).attr('data-papersift-hidden'), (v) => expect(v).toBe('manual'));
    await eventually(
      () => cardById(tabB, first.id).attr('data-papersift-hidden'),
      (v) => expect(v).toBe('manual'),
    );
  });
});
