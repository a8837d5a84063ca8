// The citizen pages' build-time frames (scripts/prerender.mjs) and when the browser takes one over.
import { beforeAll, describe, expect, it } from 'vitest';
import { addressOf, canHydrate, type PageDef } from './main';

type Prerender = typeof import('./prerender');
let prerender: Prerender;
const location = { pathname: '/', search: '', hash: '', origin: 'http://localhost', href: 'http://localhost/' };

beforeAll(async () => {
  // what scripts/prerender.mjs gives the pages: an address, nothing else of a browser
  (globalThis as { window?: unknown }).window = { location, addEventListener() {}, removeEventListener() {} };
  prerender = await import('./prerender');
});

async function frame(address: string) {
  const page = prerender.PAGES.find((p) => p.address === address)!;
  location.pathname = address;
  return prerender.render(page);
}

describe('prerendered citizen pages', () => {
  it('hold the page as a citizen first sees it, in Vietnamese, with its title', async () => {
    const { html, title } = await frame('/gui-tin-bao');
    expect(title).toBe('Gửi tin báo — ANTQ');
    expect(html).toContain('Báo cho Công an về tội phạm');
    expect(html).toContain('aria-current="page">Gửi tin báo</a>');
    // the lazily loaded unit chooser is in the frame, not left to the browser as a failed part
    expect(html).not.toContain('<!--$!-->');
    expect(html).toContain('<!--$-->');
  });

  it('name no unit and show no chooser where the device decides (the news)', async () => {
    const { html } = await frame('/tin-tuc');
    expect(html).toContain('Đang tải…');
    expect(html).not.toContain('data-testid="news-choose"');
    expect(html).not.toContain('data-testid="news-page"');
  });

  it('give a post page its loading frame, the same for every post', async () => {
    const { html } = await frame('/tin-tuc/_post');
    expect(html).toContain('Đang tải…');
    expect(html).toContain('aria-current="page">Tin tức</a>');
  });

  it('cover the pages Lighthouse measures and no e-mailed link', () => {
    const addresses = prerender.PAGES.map((p) => p.address);
    expect(addresses).toEqual(expect.arrayContaining(['/', '/gui-tin-bao', '/tra-cuu-tin-bao', '/gop-y', '/tin-tuc', '/tin-tuc/_post']));
    expect(addresses).not.toContain('/huy-nhan-tin');
    expect(addresses.some((a) => a.startsWith('/dang-ky-tin'))).toBe(false);
  });
});

describe('taking a prerendered frame over', () => {
  const def = (hydrate: PageDef['hydrate']): PageDef => ({ element: null, vi: {}, loadEn: async () => ({}), hydrate });
  const root = (renderedFor?: string, empty = false) =>
    ({ dataset: renderedFor === undefined ? {} : { prerendered: renderedFor }, firstElementChild: empty ? null : {} }) as unknown as HTMLElement;
  const at = (pathname: string, search = '', hash = '') => ({ pathname, search, hash });

  it('happens only at the address the frame was rendered for', () => {
    expect(canHydrate(root('/gui-tin-bao'), def('same-address'), at('/gui-tin-bao'))).toBe(true);
    expect(canHydrate(root('/gui-tin-bao'), def('same-address'), at('/gui-tin-bao/'))).toBe(true);
    // a commune's own link names its unit: the form starts elsewhere than the frame
    expect(canHydrate(root('/gui-tin-bao'), def('same-address'), at('/gui-tin-bao', '?unit=21220'))).toBe(false);
    expect(canHydrate(root('/tra-cuu-tin-bao'), def('same-address'), at('/tra-cuu-tin-bao', '', '#ma=X'))).toBe(false);
  });

  it('never happens on the app shell, an empty root or a device-dependent page', () => {
    expect(canHydrate(root(undefined), def('always'), at('/gui-tin-bao'))).toBe(false);
    expect(canHydrate(root('/gui-tin-bao', true), def('same-address'), at('/gui-tin-bao'))).toBe(false);
    expect(canHydrate(root('/tin-tuc'), def('never'), at('/tin-tuc'))).toBe(false);
    expect(canHydrate(root('/tin-tuc/_post'), def('always'), at('/tin-tuc/42'))).toBe(true);
  });

  it('compares addresses as the prerender names them', () => {
    expect(addressOf(at('/'))).toBe('/');
    expect(addressOf(at('/gop-y//'))).toBe('/gop-y');
    expect(addressOf(at('/gop-y', '?unit=1', '#x'))).toBe('/gop-y?unit=1#x');
  });
});
