/**
 * `/dang-ky-tin/xac-nhan?token=…`: the link of the confirmation e-mail (double opt-in). The page's
 * script posts `{"token"}` to `/api/v1/public/subscriptions/confirm` once it runs: opening the link
 * alone changes nothing (mail scanners fetch links but run no scripts).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { PublicApiError } from '../api';
import { CheckIcon } from '../icons';
import { useI18n } from '../i18n';
import { PUBLIC_PATHS } from '../paths';
import { Alert, Spinner, errorText, retryText } from '../ui';
import { confirmSubscription, type ConfirmedSubscription } from './api';
import { warningsOnly } from './logic';

type State = { kind: 'working' } | { kind: 'done'; sub: ConfirmedSubscription } | { kind: 'failed'; text: string; retry: boolean };

export default function SubscriptionConfirm() {
  const { t } = useI18n();
  const token = useMemo(() => new URLSearchParams(window.location.search).get('token')?.trim() || '', []);
  const [state, setState] = useState<State>(
    token ? { kind: 'working' } : { kind: 'failed', text: t('subscription.confirm.noToken'), retry: false },
  );
  const [attempt, setAttempt] = useState(0);
  const sent = useRef(-1);
  const doneRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: t('subscription.confirm.pageTitle') });
  }, [t]);

  useEffect(() => {
    // once per attempt, even where effects run twice (React's strict mode in development)
    if (!token || sent.current === attempt) return;
    sent.current = attempt;
    setState({ kind: 'working' });
    confirmSubscription(token)
      .then((sub) => setState({ kind: 'done', sub }))
      .catch((e: unknown) => {
        if (e instanceof PublicApiError && (e.status === 404 || e.status === 400 || e.status === 410))
          setState({ kind: 'failed', text: t('subscription.confirm.notFound'), retry: false });
        else if (e instanceof PublicApiError && e.status === 429)
          setState({ kind: 'failed', text: `${t('news.rateLimited')} ${e.retryAfter !== undefined ? retryText(e.retryAfter, t) : ''}`.trim(), retry: true });
        else setState({ kind: 'failed', text: errorText(e, t), retry: true });
      });
  }, [token, attempt, t]);

  useEffect(() => {
    if (state.kind === 'done') doneRef.current?.focus();
  }, [state.kind]);

  if (state.kind === 'done') {
    const { unit, kinds } = state.sub;
    const name = unit?.full_name || unit?.name || '';
    return (
      <article className="p-page" data-testid="subscription-confirmed">
        <div className="p-done">
          <div className="p-done__icon" aria-hidden="true">
            <CheckIcon size={34} />
          </div>
          <h1 className="p-title" tabIndex={-1} ref={doneRef}>
            {t('subscription.confirm.done')}
          </h1>
          <p className="p-lead">{t(warningsOnly(kinds) ? 'subscription.confirm.warnings' : 'subscription.confirm.all', { unit: name })}</p>
          <p className="p-muted">{t('subscription.confirm.stop')}</p>
        </div>
        <div className="p-actions">
          <a className="p-btn p-btn--primary p-btn--block" href={unit?.code ? `${PUBLIC_PATHS.news}?unit=${encodeURIComponent(unit.code)}` : PUBLIC_PATHS.news}>
            {t('subscription.read')}
          </a>
        </div>
      </article>
    );
  }

  return (
    <article className="p-page" data-testid="subscription-confirm">
      <h1 className="p-title">{t('subscription.confirm.pageTitle')}</h1>
      {state.kind === 'working' ? (
        <p className="p-lead" role="status">
          <Spinner /> {t('subscription.confirm.working')}
        </p>
      ) : (
        <>
          <Alert kind={state.retry ? 'error' : 'warning'} testId="subscription-error">
            {state.text}
          </Alert>
          <div className="p-actions">
            {state.retry && (
              <button type="button" className="p-btn p-btn--primary p-btn--block" onClick={() => setAttempt((n) => n + 1)}>
                {t('common.retry')}
              </button>
            )}
            <a className="p-btn p-btn--block" href={PUBLIC_PATHS.news}>
              {t('subscription.read')}
            </a>
          </div>
        </>
      )}
    </article>
  );
}
