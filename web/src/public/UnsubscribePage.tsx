/**
 * `/huy-nhan-tin?token=…`: the link at the bottom of a "có cập nhật mới" e-mail. One press of
 * the button (no login) posts `{"token"}` to `/api/v1/public/notifications/unsubscribe` (204).
 */
import TokenButtonPage, { type TokenButtonTexts } from './TokenButtonPage';
import { unsubscribeByToken } from './api';
import { Svg } from './icons';
import { PUBLIC_PATHS } from './paths';

const TEXTS: TokenButtonTexts = {
  pageTitle: 'unsubscribe.pageTitle',
  title: 'unsubscribe.title',
  lead: 'unsubscribe.lead',
  button: 'unsubscribe.button',
  noToken: 'unsubscribe.noToken',
  notFound: 'unsubscribe.notFound',
  rateLimited: 'unsubscribe.rateLimited',
  done: 'unsubscribe.done',
  doneLead: 'unsubscribe.done.lead',
  back: 'unsubscribe.track',
};
const TEST_IDS = { page: 'unsubscribe', done: 'unsubscribed', error: 'unsubscribe-error', button: 'unsubscribe-button' };

export default function Unsubscribe() {
  return <TokenButtonPage act={unsubscribeByToken} texts={TEXTS} backHref={PUBLIC_PATHS.track} testIds={TEST_IDS} icon={<MailIcon size={26} />} />;
}

const MailIcon = ({ size }: { size?: number }) => (
  <Svg size={size}>
    <rect x="3" y="5" width="18" height="14" rx="2" />
    <path d="M3.5 6.5l8.5 6.5 8.5-6.5" />
  </Svg>
);
