// Entry point: the citizen pages (/gui-tin-bao, /tra-cuu-tin-bao) load a small app of their own,
// without Ant Design or the staff workspace, so that a phone on a slow network opens them fast.
import { publicPage } from './public/paths';

const page = publicPage(window.location.pathname);
if (page === 'submit') void import('./public/submit');
else if (page === 'track') void import('./public/track');
else void import('./staff');
