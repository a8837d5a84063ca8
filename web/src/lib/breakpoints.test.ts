import { describe, expect, it } from 'vitest';
import { resolveScreens } from './breakpoints';

/** A browser window `width` px wide. */
const windowOf = (width: number) => (query: string) => width >= Number(/min-width: (\d+)px/.exec(query)![1]);

describe('breakpoints', () => {
  it('before the first measurement, asks the browser', () => {
    expect(resolveScreens({}, windowOf(390))).toEqual({ xs: true, sm: false, md: false, lg: false, xl: false, xxl: false });
    expect(resolveScreens({}, windowOf(1440))).toEqual({ xs: true, sm: true, md: true, lg: true, xl: true, xxl: false });
    expect(resolveScreens({}, windowOf(768)).md).toBe(true);
    expect(resolveScreens({}, windowOf(767)).md).toBe(false);
  });

  it('takes what Ant Design measured over the browser', () => {
    const never = () => {
      throw new Error('not asked');
    };
    const measured = { xs: true, sm: true, md: true, lg: false, xl: false, xxl: false };
    expect(resolveScreens(measured, never)).toEqual(measured);
    expect(resolveScreens({ md: false }, windowOf(1440)).md).toBe(false);
  });
});
