/**
 * A page behind an e-mail's link that acts on the link's `?token=…` with one press of a button, no
 * login: the reporter's unsubscribe (/huy-nhan-tin) and the news subscriber's (/dang-ky-tin/huy).
 * A button rather than on opening: mail scanners open links by themselves.
 */
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { PublicApiError } from './api';
import { CheckIcon } from './icons';
import { type TextKey, useI18n } from './i18n';
import { Alert, Spinner, errorText, retryText } from './ui';

/** i18n keys of the page's texts, and where it leads back to. */
export interface TokenButtonTexts {
  pageTitle: TextKey;
  title: TextKey;
  lead: TextKey;
  button: TextKey;
  noToken: TextKey;
  notFound: TextKey;
  rateLimited: TextKey;
  done: TextKey;
  doneLead: TextKey;
  back: TextKey;
}

export interface TokenButtonPageProps {
  act: (token: string) => Promise<unknown>;
  texts: TokenButtonTexts;
  backHref: string;
  /** data-testid of the page, the page once done, the error and the button */
  testIds: { page: string; done: string; error: string; button: string };
  icon?: ReactNode;
}

export default function TokenButtonPage({ act, texts, backHref, testIds, icon }: TokenButtonPageProps) {
  const { t } = useI18n();
  const token = useMemo(() => new URLSearchParams(window.location.search).get('token')?.trim() || '', []);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: t(texts.pageTitle) });
  }, [t, texts.pageTitle]);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);

  const press = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await act(token);
      setDone(true);
    } catch (e) {
      if (e instanceof PublicApiError && (e.status === 404 || e.status === 400 || e.status === 410)) setFailure(t(texts.notFound));
      else if (e instanceof PublicApiError && e.status === 429)
        setFailure(`${t(texts.rateLimited)} ${e.retryAfter !== undefined ? retryText(e.retryAfter, t) : ''}`.trim());
      else setFailure(errorText(e, t));
    } finally {
      setBusy(false);
    }
  };

  const back = (
    <a className="p-btn p-btn--block" href={backHref}>
      {t(texts.back)}
    </a>
  );
  if (done) {
    return (
      <article className="p-page" data-testid={testIds.done}>
        <div className="p-done">
          <div className="p-done__icon" aria-hidden="true">
            <CheckIcon size={34} />
          </div>
          <h1 className="p-title" tabIndex={-1} ref={doneRef}>
            {t(texts.done)}
          </h1>
          <p className="p-lead">{t(texts.doneLead)}</p>
        </div>
        <div className="p-actions">{back}</div>
      </article>
    );
  }

  return (
    <article className="p-page" data-testid={testIds.page}>
      <h1 className="p-title">
        {icon}
        {icon ? ' ' : ''}
        {t(texts.title)}
      </h1>
      {token ? (
        <>
          <p className="p-lead">{t(texts.lead)}</p>
          {failure && (
            <Alert kind="error" testId={testIds.error}>
              {failure}
            </Alert>
          )}
          <div className="p-actions">
            <button type="button" className="p-btn p-btn--primary p-btn--block" onClick={() => void press()} disabled={busy} data-testid={testIds.button}>
              {busy && <Spinner />} {t(texts.button)}
            </button>
            {back}
          </div>
        </>
      ) : (
        <Alert kind="warning" testId={testIds.error}>
          {t(texts.noToken)}
        </Alert>
      )}
    </article>
  );
}
