// Entry point: the citizen pages (the home page /, /gui-tin-bao, /tra-cuu-tin-bao, /gop-y,
// /huy-nhan-tin, the news /tin-tuc and /tin-tuc/{id}, the subscription links /dang-ky-tin/…) load a
// small app of their own, without Ant Design or the staff workspace, so that a phone on a slow
// network opens them fast.
import { publicPage, type PublicPage } from './public/paths';

// one function per import: each preloads only what its own chunk needs
const PAGES: Record<PublicPage, () => Promise<unknown>> = {
  home: () => import('./public/home'),
  submit: () => import('./public/submit'),
  track: () => import('./public/track'),
  opinion: () => import('./public/opinion'),
  unsubscribe: () => import('./public/unsubscribe'),
  news: () => import('./public/news'),
  newsPost: () => import('./public/newsPost'),
  subscriptionConfirm: () => import('./public/subscriptionConfirm'),
  subscriptionCancel: () => import('./public/subscriptionCancel'),
};
function loadStaff() {
  return import('./staff');
}

const page = publicPage(window.location.pathname);
void (page ? PAGES[page]() : loadStaff());
