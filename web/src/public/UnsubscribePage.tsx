/**
 * `/huy-nhan-tin?token=…`: the link at the bottom of a "có cập nhật mới" e-mail. One press of
 * the button (no login) posts `{"token"}` to `/api/v1/public/notifications/unsubscribe` (204).
 * A button rather than on opening: mail scanners open links by themselves.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { PublicApiError, unsubscribeByToken } from './api';
import { CheckIcon, Svg } from './icons';
import { useI18n } from './i18n';
import { PUBLIC_PATHS } from './paths';
import { Alert, Spinner, errorText, retryText } from './ui';

export default function Unsubscribe() {
  const { t } = useI18n();
  const token = useMemo(() => new URLSearchParams(window.location.search).get('token')?.trim() || '', []);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: t('unsubscribe.pageTitle') });
  }, [t]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const stop = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await unsubscribeByToken(token);
      setDone(true);
    } catch (e) {
      if (e instanceof PublicApiError && (e.status === 404 || e.status === 400 || e.status === 410)) setFailure(t('unsubscribe.notFound'));
      else if (e instanceof PublicApiError && e.status === 429)
        setFailure(`${t('unsubscribe.rateLimited')} ${e.retryAfter !== undefined ? retryText(e.retryAfter, t) : ''}`.trim());
      else setFailure(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <article className="p-page" data-testid="unsubscribed">
        <div className="p-done">
          <div className="p-done__icon" aria-hidden="true">
            <CheckIcon size={34} />
          </div>
          <h1 className="p-title" tabIndex={-1} ref={doneRef}>
            {t('unsubscribe.done')}
          </h1>
          <p className="p-lead">{t('unsubscribe.done.lead')}</p>
        </div>
        <div className="p-actions">
          <a className="p-btn p-btn--block" href={PUBLIC_PATHS.track}>
            {t('unsubscribe.track')}
          </a>
        </div>
      </article>
    );
  }

  return (
    <article className="p-page" data-testid="unsubscribe">
      <h1 className="p-title">
        <MailIcon size={26} /> {t('unsubscribe.title')}
      </h1>
      {token ? (
        <>
          <p className="p-lead">{t('unsubscribe.lead')}</p>
          {failure && (
            <Alert kind="error" testId="unsubscribe-error">
              {failure}
            </Alert>
          )}
          <div className="p-actions">
            <button type="button" className="p-btn p-btn--primary p-btn--block" onClick={() => void stop()} disabled={busy} data-testid="unsubscribe-button">
              {busy && <Spinner />} {t('unsubscribe.button')}
            </button>
            <a className="p-btn p-btn--block" href={PUBLIC_PATHS.track}>
              {t('unsubscribe.track')}
            </a>
          </div>
        </>
      ) : (
        <Alert kind="warning" testId="unsubscribe-error">
          {t('unsubscribe.noToken')}
        </Alert>
      )}
    </article>
  );
}

const MailIcon = ({ size }: { size?: number }) => (
  <Svg size={size}>
    <rect x="3" y="5" width="18" height="14" rx="2" />
    <path d="M3.5 6.5l8.5 6.5 8.5-6.5" />
  </Svg>
);
