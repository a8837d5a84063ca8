import { describe, expect, it } from 'vitest';
import { publicPage } from './paths';

describe('public addresses', () => {
  it('go to the small public app', () => {
    expect(publicPage('/')).toBe('home');
    expect(publicPage('')).toBe('home');
    expect(publicPage('/gui-tin-bao')).toBe('submit');
    expect(publicPage('/gui-tin-bao/')).toBe('submit');
    expect(publicPage('/tra-cuu-tin-bao')).toBe('track');
    expect(publicPage('/gop-y')).toBe('opinion');
    expect(publicPage('/huy-nhan-tin')).toBe('unsubscribe');
  });

  it('leave everything else to the staff app', () => {
    expect(publicPage('/lam-viec')).toBeNull();
    expect(publicPage('/tin-bao')).toBeNull();
    expect(publicPage('/gui-tin-bao/x')).toBeNull();
    expect(publicPage('/units')).toBeNull();
    expect(publicPage('/login')).toBeNull();
    expect(publicPage('/so/y-kien')).toBeNull();
  });
});
