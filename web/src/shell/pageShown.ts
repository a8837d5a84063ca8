/**
 * When the first page of the staff app has been shown: what the frame and the pages hold back to
 * keep the first load small (the unit fields' trees, DeferredUnitField) loads after it.
 */
let shown = false;
const waiting = new Set<() => void>();

/** Called by the page frame once a routed page has rendered (AppLayout). */
export function markPageShown(): void {
  if (shown) return;
  shown = true;
  for (const fn of waiting) fn();
  waiting.clear();
}

/** Runs `fn` once the first page has been shown (at once if it has); answers how to cancel it. */
export function afterPageShown(fn: () => void): () => void {
  if (shown) {
    fn();
    return () => undefined;
  }
  waiting.add(fn);
  return () => {
    waiting.delete(fn);
  };
}
