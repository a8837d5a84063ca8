import { createContext, useContext } from 'react';

/**
 * True while scripts/prerender.mjs renders a page's first frame at build time. A page whose first
 * frame depends on the device (the unit a resident follows, remembered in localStorage) renders a
 * neutral frame then, never a guess.
 */
export const Prerendering = createContext(false);

export function usePrerendering(): boolean {
  return useContext(Prerendering);
}
