import { describe, expect, it } from 'vitest';
import { halfInView, SeenClock } from '../../../utils/digest/seen-timing';

describe('when a card is seen', () => {
  it('needs at least half of the card inside the viewport', () => {
    // viewport 0–800
    expect(halfInView([100, 300], 0, 800)).toBe(true);
    expect(halfInView([700, 900], 0, 800)).toBe(true); // exactly half
    expect(halfInView([701, 901], 0, 800)).toBe(false);
    expect(halfInView([-99, 101], 0, 800)).toBe(true);
    expect(halfInView([-101, 99], 0, 800)).toBe(false);
    expect(halfInView([900, 1100], 1000, 800)).toBe(true); // scrolled: 1000–1800 → 100 of 200 shown
    expect(halfInView([100, 100], 0, 800)).toBe(false); // no height: collapsed or not laid out
    expect(halfInView([0, 3000], 1000, 800)).toBe(true); // taller than the screen, filling it
  });

  it('after a whole second in view, without a break', () => {
    const clock = new SeenClock();
    expect(clock.look(['a', 'b'], 0)).toEqual([]);
    expect(clock.look(['a', 'b'], 999)).toEqual([]);
    expect(clock.look(['a'], 1000)).toEqual(['a']); // b left at 1000: starts over
    expect(clock.look(['b'], 1500)).toEqual([]);
    expect(clock.look(['b'], 2400)).toEqual([]);
    expect(clock.look(['b'], 2500)).toEqual(['b']);
  });

  it('a card flicked past while scrolling is not seen; a hidden tab starts everything over', () => {
    const clock = new SeenClock();
    clock.look(['a'], 0);
    clock.look([], 300);
    clock.look(['a'], 600);
    expect(clock.look(['a'], 1200)).toEqual([]);
    clock.reset();
    expect(clock.look(['a'], 1700)).toEqual([]);
    expect(clock.look(['a'], 2700)).toEqual(['a']);
    expect(clock.timing).toBe(0);
  });
});
