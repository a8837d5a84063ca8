// Entry point: the citizen pages (/gui-tin-bao, /tra-cuu-tin-bao) load a small app of their own,
// without Ant Design or the staff workspace, so that a phone on a slow network opens them fast.
import { publicPage } from './public/paths';

// one function per import: each preloads only what its own chunk needs
function loadSubmit() {
  return import('./public/submit');
}
function loadTrack() {
  return import('./public/track');
}
function loadStaff() {
  return import('./staff');
}

const page = publicPage(window.location.pathname);
void (page === 'submit' ? loadSubmit() : page === 'track' ? loadTrack() : loadStaff());
