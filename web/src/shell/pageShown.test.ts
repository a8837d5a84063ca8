import { describe, expect, it, vi } from 'vitest';

describe('afterPageShown', () => {
  it('waits for the first page, runs once, and can be cancelled', async () => {
    vi.resetModules();
    const { afterPageShown, markPageShown } = await import('./pageShown');
    const early = vi.fn();
    const cancelled = vi.fn();
    afterPageShown(early);
    const cancel = afterPageShown(cancelled);
    cancel();
    expect(early).not.toHaveBeenCalled();
    markPageShown();
    markPageShown(); // a later page changes nothing
    expect(early).toHaveBeenCalledTimes(1);
    expect(cancelled).not.toHaveBeenCalled();
    const late = vi.fn();
    afterPageShown(late);
    expect(late).toHaveBeenCalledTimes(1);
  });
});
