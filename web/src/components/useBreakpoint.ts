import { Grid } from 'antd';
import { resolveScreens, type Screens } from '../lib/breakpoints';

/**
 * Which of Ant Design's breakpoints (sm 576, md 768, lg 992, xl 1200, xxl 1600 px) the window
 * reaches, right from the first render: before Grid.useBreakpoint() has measured, the browser is
 * asked directly. A phone is `!screens.md`.
 */
export function useBreakpoint(): Screens {
  return resolveScreens(Grid.useBreakpoint(), (query) => window.matchMedia(query).matches);
}

/** Narrower than a tablet (below md, 768 px): phones. */
export function useNarrow(): boolean {
  return !useBreakpoint().md;
}
