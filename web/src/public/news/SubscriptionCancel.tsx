/**
 * `/dang-ky-tin/huy?token=…`: the unsubscribe link of every news e-mail. One press of the button (no
 * login) posts to `/api/v1/public/subscriptions/unsubscribe?token=…`, as a mail client's one-click
 * unsubscribe does (RFC 8058). A button rather than on opening: mail scanners open links by themselves.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { PublicApiError } from '../api';
import { CheckIcon } from '../icons';
import { useI18n } from '../i18n';
import { PUBLIC_PATHS } from '../paths';
import { Alert, Spinner, errorText, retryText } from '../ui';
import { cancelSubscription } from './api';

export default function SubscriptionCancel() {
  const { t } = useI18n();
  const token = useMemo(() => new URLSearchParams(window.location.search).get('token')?.trim() || '', []);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: t('subscription.cancel.pageTitle') });
  }, [t]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const stop = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await cancelSubscription(token);
      setDone(true);
    } catch (e) {
      if (e instanceof PublicApiError && (e.status === 404 || e.status === 400 || e.status === 410)) setFailure(t('subscription.cancel.notFound'));
      else if (e instanceof PublicApiError && e.status === 429)
        setFailure(`${t('news.rateLimited')} ${e.retryAfter !== undefined ? retryText(e.retryAfter, t) : ''}`.trim());
      else setFailure(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <article className="p-page" data-testid="subscription-cancelled">
        <div className="p-done">
          <div className="p-done__icon" aria-hidden="true">
            <CheckIcon size={34} />
          </div>
          <h1 className="p-title" tabIndex={-1} ref={doneRef}>
            {t('subscription.cancel.done')}
          </h1>
          <p className="p-lead">{t('subscription.cancel.done.lead')}</p>
        </div>
        <div className="p-actions">
          <a className="p-btn p-btn--block" href={PUBLIC_PATHS.news}>
            {t('subscription.read')}
          </a>
        </div>
      </article>
    );
  }

  return (
    <article className="p-page" data-testid="subscription-cancel">
      <h1 className="p-title">{t('subscription.cancel.title')}</h1>
      {token ? (
        <>
          <p className="p-lead">{t('subscription.cancel.lead')}</p>
          {failure && (
            <Alert kind="error" testId="subscription-error">
              {failure}
            </Alert>
          )}
          <div className="p-actions">
            <button type="button" className="p-btn p-btn--primary p-btn--block" onClick={() => void stop()} disabled={busy} data-testid="subscription-cancel-button">
              {busy && <Spinner />} {t('subscription.cancel.button')}
            </button>
            <a className="p-btn p-btn--block" href={PUBLIC_PATHS.news}>
              {t('subscription.read')}
            </a>
          </div>
        </>
      ) : (
        <Alert kind="warning" testId="subscription-error">
          {t('subscription.cancel.noToken')}
        </Alert>
      )}
    </article>
  );
}
