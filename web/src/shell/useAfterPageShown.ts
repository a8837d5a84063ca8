import { useEffect, useState } from 'react';
import { afterPageShown, isPageShown } from './pageShown';

/**
 * True once the staff app's first page has been shown and `delayMs` more have passed: what a page
 * holds back to keep the first load small (a field's tree, the inbox under the to-do panel) loads
 * then, after the rest of the page's first requests (its data) have gone. On the pages after the
 * first, at once.
 */
export function useAfterPageShown(delayMs = 300): boolean {
  const [ready, setReady] = useState(isPageShown);
  useEffect(() => {
    if (ready) return;
    let timer: number | undefined;
    const cancel = afterPageShown(() => {
      timer = window.setTimeout(() => setReady(true), delayMs);
    });
    return () => {
      cancel();
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [ready, delayMs]);
  return ready;
}
