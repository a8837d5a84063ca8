/** Ant Design's breakpoints: the least window width (CSS px) of each. */
export const BREAKPOINTS = { xs: 0, sm: 576, md: 768, lg: 992, xl: 1200, xxl: 1600 } as const;

export type Breakpoint = keyof typeof BREAKPOINTS;
export type Screens = Record<Breakpoint, boolean>;

/**
 * Which breakpoints the window reaches. `measured` is what Ant Design's Grid.useBreakpoint()
 * answered: empty before its first measurement, so a breakpoint it has not measured yet is asked of
 * the browser (`matches`, e.g. window.matchMedia(q).matches) instead of being taken as false.
 */
export function resolveScreens(measured: Partial<Record<Breakpoint, boolean>>, matches: (query: string) => boolean): Screens {
  const out = {} as Screens;
  for (const bp of Object.keys(BREAKPOINTS) as Breakpoint[]) {
    out[bp] = measured[bp] ?? matches(`(min-width: ${BREAKPOINTS[bp]}px)`);
  }
  return out;
}
