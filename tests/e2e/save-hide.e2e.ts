/** Save and hide: what the reader sees, what survives a reload, and what other open tabs see. */
import { describe, expect, it } from 'vitest';
import { fixtureHtml, listedPapers } from '../../scripts/lib/fixtures';
import {
  cardById,
  CROSS_TAB_MS,
  eventually,
  hideButton,
  pressed,
  saveButton,
  showButton,
  uiText,
  undoButton,
  useBrowser,
  waitForDecoration,
} from './support';

const daily = listedPapers(fixtureHtml('daily'));
const [first, second] = [daily[0]!, daily[1]!];

describe('save and hide', () => {
  const browser = useBrowser();

  it('persists across a reload and reaches a second tab within a second', async () => {
    const tabA = await browser().open('daily');
    const tabB = await browser().open('daily');
    await waitForDecoration(tabA, daily.length);
    await waitForDecoration(tabB, daily.length);

    const cardA = cardById(tabA, first.id);
    await saveButton(cardA).click();
    await eventually(() => pressed(saveButton(cardA)), (v) => expect(v).toBe('true'));
    await eventually(() => cardA.getAttribute('data-papersift-saved'), (v) => expect(v).not.toBeNull());
    // Other cards untouched.
    expect(await pressed(saveButton(cardById(tabA, second.id)))).toBe('false');

    const cardB = cardById(tabB, first.id);
    await eventually(() => pressed(saveButton(cardB)), (v) => expect(v).toBe('true'), CROSS_TAB_MS);
    expect(await cardB.getAttribute('data-papersift-saved')).not.toBeNull();

    await tabA.reload();
    await waitForDecoration(tabA, daily.length);
    await eventually(() => pressed(saveButton(cardById(tabA, first.id))), (v) => expect(v).toBe('true'));

    // Unsave goes the same way.
    await saveButton(cardById(tabA, first.id)).click();
    await eventually(() => pressed(saveButton(cardById(tabA, first.id))), (v) => expect(v).toBe('false'));
    await eventually(() => pressed(saveButton(cardB)), (v) => expect(v).toBe('false'), CROSS_TAB_MS);
    await tabA.reload();
    await waitForDecoration(tabA, daily.length);
    expect(await pressed(saveButton(cardById(tabA, first.id)))).toBe('false');
    expect(await cardById(tabA, first.id).getAttribute('data-papersift-saved')).toBeNull();
  });

  it('collapses the card to "Hidden: <title> · Show · Undo"; Undo restores it for good', async () => {
    const page = await browser().open('daily');
    await waitForDecoration(page, daily.length);
    const card = cardById(page, second.id);

    await hideButton(card).click();
    await eventually(() => card.getAttribute('data-papersift-hidden'), (v) => expect(v).toBe('manual'));
    await eventually(() => uiText(card), (t) => expect(t).toContain(`Hidden: ${second.title} · Show · Undo`));
    // Collapsed: the card's own title is no longer visible.
    expect(await card.locator('h3').first().isVisible()).toBe(false);

    await page.reload();
    await waitForDecoration(page, daily.length);
    const reloaded = cardById(page, second.id);
    await eventually(() => reloaded.getAttribute('data-papersift-hidden'), (v) => expect(v).toBe('manual'));
    await eventually(() => uiText(reloaded), (t) => expect(t).toContain(`Hidden: ${second.title}`));

    await undoButton(reloaded).click();
    await eventually(() => reloaded.getAttribute('data-papersift-hidden'), (v) => expect(v).toBeNull());
    expect(await reloaded.locator('h3').first().isVisible()).toBe(true);
    expect(await hideButton(reloaded).count()).toBe(1);

    await page.reload();
    await waitForDecoration(page, daily.length);
    expect(await cardById(page, second.id).getAttribute('data-papersift-hidden')).toBeNull();
  });

  it('Show reveals a hidden card for this view only', async () => {
    const page = await browser().open('daily');
    await waitForDecoration(page, daily.length);
    const card = cardById(page, first.id);
    await hideButton(card).click();
    await eventually(() => uiText(card), (t) => expect(t).toContain('Hidden:'));

    await showButton(card).click();
    await eventually(() => card.locator('h3').first().isVisible(), (v) => expect(v).toBe(true));
    // Still hidden in storage: the hook stays, and a reload collapses it again.
    expect(await card.getAttribute('data-papersift-hidden')).toBe('manual');
    await page.reload();
    await waitForDecoration(page, daily.length);
    await eventually(() => uiText(cardById(page, first.id)), (t) => expect(t).toContain(`Hidden: ${first.title}`));
  });

  it('a hide reaches another open tab within a second', async () => {
    const tabA = await browser().open('daily');
    const tabB = await browser().open('daily');
    await waitForDecoration(tabA, daily.length);
    await waitForDecoration(tabB, daily.length);
    await hideButton(cardById(tabA, first.id)).click();
    await eventually(() => cardById(tabA, first.id).getAttribute('data-papersift-hidden'), (v) => expect(v).toBe('manual'));
    await eventually(
      () => cardById(tabB, first.id).getAttribute('data-papersift-hidden'),
      (v) => expect(v).toBe('manual'),
      CROSS_TAB_MS,
    );
  });
});
