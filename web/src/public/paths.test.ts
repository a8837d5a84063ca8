import { describe, expect, it } from 'vitest';
import { publicPage } from './paths';

describe('public addresses', () => {
  it('go to the small public app', () => {
    expect(publicPage('/gui-tin-bao')).toBe('submit');
    expect(publicPage('/gui-tin-bao/')).toBe('submit');
    expect(publicPage('/tra-cuu-tin-bao')).toBe('track');
  });

  it('leave everything else to the staff app', () => {
    expect(publicPage('/')).toBeNull();
    expect(publicPage('/tin-bao')).toBeNull();
    expect(publicPage('/gui-tin-bao/x')).toBeNull();
    expect(publicPage('/units')).toBeNull();
  });
});
