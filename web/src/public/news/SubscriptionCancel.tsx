/**
 * `/dang-ky-tin/huy?token=…`: the unsubscribe link of every news e-mail. One press of the button (no
 * login) posts to `/api/v1/public/subscriptions/unsubscribe?token=…`, as a mail client's one-click
 * unsubscribe does (RFC 8058).
 */
import TokenButtonPage, { type TokenButtonTexts } from '../TokenButtonPage';
import { PUBLIC_PATHS } from '../paths';
import { cancelSubscription } from './api';

const TEXTS: TokenButtonTexts = {
  pageTitle: 'subscription.cancel.pageTitle',
  title: 'subscription.cancel.title',
  lead: 'subscription.cancel.lead',
  button: 'subscription.cancel.button',
  noToken: 'subscription.cancel.noToken',
  notFound: 'subscription.cancel.notFound',
  rateLimited: 'news.rateLimited',
  done: 'subscription.cancel.done',
  doneLead: 'subscription.cancel.done.lead',
  back: 'subscription.read',
};
const TEST_IDS = { page: 'subscription-cancel', done: 'subscription-cancelled', error: 'subscription-error', button: 'subscription-cancel-button' };

export default function SubscriptionCancel() {
  return <TokenButtonPage act={cancelSubscription} texts={TEXTS} backHref={PUBLIC_PATHS.news} testIds={TEST_IDS} />;
}
