/**
 * When the first page of the staff app has been shown: what the frame and the pages hold back to
 * keep the first load small (the unit fields' trees, the inbox under the to-do panel, Ant Design's
 * messages) loads after it. "Shown" is when the page's main heading (its h1) is in the page: a
 * spinner shown meanwhile (the session being checked, the page's code loading) is not a page.
 */
let shown = false;
const waiting = new Set<() => void>();

/** Marks the first page shown (watchFirstPage does, and tests). */
export function markPageShown(): void {
  if (shown) return;
  shown = true;
  for (const fn of waiting) fn();
  waiting.clear();
}

/** The first page has been shown already. */
export function isPageShown(): boolean {
  return shown;
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

// a page without a main heading (none should lack one) must not hold the rest back for ever
const FALLBACK_MS = 5000;

/**
 * Watches the page frame's content (AppLayout's <main>) until a page's main heading appears in it,
 * then marks the first page shown; answers how to stop watching.
 */
export function watchFirstPage(main: HTMLElement): () => void {
  if (shown) return () => undefined;
  const check = () => {
    if (main.querySelector('h1')) stop(true);
  };
  const observer = new MutationObserver(check);
  const timer = window.setTimeout(() => stop(true), FALLBACK_MS);
  function stop(mark: boolean) {
    observer.disconnect();
    window.clearTimeout(timer);
    if (mark) markPageShown();
  }
  observer.observe(main, { childList: true, subtree: true });
  check();
  return () => stop(false);
}
