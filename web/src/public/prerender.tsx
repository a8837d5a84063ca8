/**
 * The build-time render of the citizen pages (server-side rendering at build time, no server
 * involved): scripts/prerender.mjs builds this module for Node, then writes each page's first frame
 * into dist/pages/<path>.html, where the server looks first (server/src/http/static_files.cpp).
 * Only pages whose first frame is the same for every visitor: not the e-mailed links' pages, whose
 * first frame depends on the token in the address.
 */
import { Writable } from 'node:stream';
import { renderToPipeableStream } from 'react-dom/server';
import common from './i18n/common.vi.json';
import { translator, type T, type Texts } from './i18n';
import { pageTree, type PageDef } from './main';
import { PUBLIC_PATHS } from './paths';
import { Prerendering } from './prerendering';
import { page as home } from './home';
import { page as news } from './news';
import { page as newsPost } from './newsPost';
import { page as opinion } from './opinion';
import { page as submit } from './submit';
import { page as track } from './track';

export interface Prerendered {
  /** The address the frame stands for ("/gui-tin-bao"); the post page's stands for every post. */
  address: string;
  /** Where it goes under dist/pages/, without ".html" (the server's lookup of the address). */
  file: string;
  /** The page's entry module (its chunk and stylesheet come from Vite's manifest). */
  entry: string;
  def: PageDef;
  title: (t: T) => string;
}

const documentTitle = (key: Parameters<T>[0]) => (t: T) => t('app.documentTitle', { page: t(key) });

export const PAGES: Prerendered[] = [
  { address: PUBLIC_PATHS.home, file: 'index', entry: 'src/public/home.tsx', def: home, title: (t) => `${t('app.name')} — ${t('app.subtitle')}` },
  { address: PUBLIC_PATHS.submit, file: 'gui-tin-bao', entry: 'src/public/submit.tsx', def: submit, title: documentTitle('submit.pageTitle') },
  { address: PUBLIC_PATHS.track, file: 'tra-cuu-tin-bao', entry: 'src/public/track.tsx', def: track, title: documentTitle('track.pageTitle') },
  { address: PUBLIC_PATHS.opinion, file: 'gop-y', entry: 'src/public/opinion.tsx', def: opinion, title: documentTitle('opinion.pageTitle') },
  { address: PUBLIC_PATHS.news, file: 'tin-tuc', entry: 'src/public/news.tsx', def: news, title: documentTitle('news.pageTitle') },
  // the server answers /tin-tuc/{id} with this frame and the post's link-preview tags
  { address: `${PUBLIC_PATHS.news}/_post`, file: 'tin-tuc/_post', entry: 'src/public/newsPost.tsx', def: newsPost, title: documentTitle('news.pageTitle') },
];

/**
 * The page's first frame as HTML, and its document title, in Vietnamese. Streamed out only once
 * every part is ready, lazily loaded ones included (the tip form's unit chooser): renderToString
 * would leave those to the browser, which then reports them as a server error while taking over.
 */
export function render(page: Prerendered): Promise<{ html: string; title: string }> {
  const t = translator({ ...(common as Texts), ...page.def.vi });
  return new Promise((resolve, reject) => {
    let html = '';
    const sink = new Writable({
      write(chunk: Buffer, _encoding, done) {
        html += chunk.toString('utf8');
        done();
      },
      final(done) {
        resolve({ html, title: page.title(t) });
        done();
      },
    });
    const stream = renderToPipeableStream(<Prerendering.Provider value={true}>{pageTree(page.def)}</Prerendering.Provider>, {
      onAllReady: () => stream.pipe(sink),
      onShellError: reject,
      onError: (error) => reject(error instanceof Error ? error : new Error(String(error))),
    });
  });
}
