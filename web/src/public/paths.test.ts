import { describe, expect, it } from 'vitest';
import { newsPostId, newsPostPath, publicPage } from './paths';

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

  it('include the news, its posts and the subscription links', () => {
    expect(publicPage('/tin-tuc')).toBe('news');
    expect(publicPage('/tin-tuc/')).toBe('news');
    expect(publicPage('/tin-tuc/42')).toBe('newsPost');
    expect(publicPage('/tin-tuc/42/')).toBe('newsPost');
    expect(publicPage('/dang-ky-tin/xac-nhan')).toBe('subscriptionConfirm');
    expect(publicPage('/dang-ky-tin/huy')).toBe('subscriptionCancel');
    expect(newsPostId('/tin-tuc/42')).toBe('42');
    expect(newsPostId('/tin-tuc/a%20b')).toBe('a b');
    expect(newsPostId('/tin-tuc/%E0%A4%A')).toBeNull();
    expect(newsPostId('/tin-tuc/')).toBeNull();
    expect(newsPostId('/tin-tuc/1/2')).toBeNull();
    expect(newsPostPath(7)).toBe('/tin-tuc/7');
    expect(newsPostPath('a/b')).toBe('/tin-tuc/a%2Fb');
  });

  it('leave everything else to the staff app', () => {
    expect(publicPage('/lam-viec')).toBeNull();
    expect(publicPage('/tin-bao')).toBeNull();
    expect(publicPage('/gui-tin-bao/x')).toBeNull();
    expect(publicPage('/units')).toBeNull();
    expect(publicPage('/login')).toBeNull();
    expect(publicPage('/so/y-kien')).toBeNull();
    // the staff's own news pages
    expect(publicPage('/tin-tuc-canh-bao')).toBeNull();
    expect(publicPage('/tin-tuc-canh-bao/12')).toBeNull();
    expect(publicPage('/tin-tuc/1/sua')).toBeNull();
    expect(publicPage('/dang-ky-tin')).toBeNull();
  });
});
