/** The reporter's e-mail for news of the tip. */
import { useEffect, useState, type FormEvent } from 'react';
import { PublicApiError, subscribeTipUpdates, unsubscribeTipUpdates } from '../api';
import { useI18n } from '../i18n';
import { CheckIcon, Svg } from '../icons';
import { Alert, Field, Spinner, describedBy, errorText, retryText } from '../ui';
import type { Creds } from './creds';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * "Nhận thông báo khi có cập nhật": an e-mail told of each update (the police answer or decide)
 * with "có cập nhật mới" and the link only. `POST …/notify {"email"}` / `DELETE …/notify` with
 * X-Tip-Secret → 204; the tip view says `notify: true|false`, and `notify_available: false` when the
 * server has no mail server (the section is then not shown). A server without this API answers
 * 404, one without a mail server 503 `email_unavailable`: then a neutral note instead of the form.
 *
 * useNotify: the state of the subscription and the calls that change it.
 */
function useNotify(creds: Creds, subscribed: boolean) {
  const { t } = useI18n();
  const [on, setOn] = useState(subscribed);
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [note, setNote] = useState<'subscribed' | 'unsubscribed' | null>(null);
  const [busy, setBusy] = useState(false);
  const [unavailable, setUnavailable] = useState(false);
  // a refresh of the tip brings the server's word
  useEffect(() => setOn(subscribed), [subscribed]);

  const fail = (e: unknown) => {
    if (e instanceof PublicApiError && (e.status === 404 || e.status === 405 || e.status === 501 || e.code === 'email_unavailable')) setUnavailable(true);
    else if (e instanceof PublicApiError && e.status === 400 && e.field === 'email') setError(t('track.notify.email.invalid'));
    else if (e instanceof PublicApiError && e.status === 429)
      setError(`${t('track.notify.rateLimited')} ${e.retryAfter !== undefined ? retryText(e.retryAfter, t) : ''}`.trim());
    else setError(errorText(e, t));
  };

  const subscribe = async (ev: FormEvent) => {
    ev.preventDefault();
    setNote(null);
    const value = email.trim();
    if (!EMAIL.test(value) || value.length > 254) {
      setError(t('track.notify.email.invalid'));
      document.getElementById('notify-email')?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await subscribeTipUpdates(creds.code, creds.secret, value);
      setOn(true);
      setEmail('');
      setNote('subscribed');
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  const unsubscribe = async () => {
    setNote(null);
    setError(null);
    setBusy(true);
    try {
      await unsubscribeTipUpdates(creds.code, creds.secret);
      setOn(false);
      setNote('unsubscribed');
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return { on, email, setEmail, error, setError, note, busy, unavailable, subscribe, unsubscribe };
}

export function NotifySection({ creds, subscribed }: { creds: Creds; subscribed: boolean }) {
  const { t } = useI18n();
  const state = useNotify(creds, subscribed);
  const { on, error, note, busy, unavailable, unsubscribe } = state;
  return (
    <section className="p-card" aria-labelledby="notify-title" data-testid="tip-notify">
      <h2 className="p-card__title" id="notify-title">
        <MailIcon /> {t('track.notify')}
      </h2>
      {unavailable ? (
        <Alert kind="info" testId="notify-unavailable">
          {t('track.notify.unavailable')}
        </Alert>
      ) : on ? (
        <>
          <p className="p-notify__on" data-testid="notify-on">
            {t('track.notify.on')}
          </p>
          {error && <p className="p-error-text" role="alert">{error}</p>}
          <div className="p-actions p-actions--row">
            <button type="button" className="p-btn" onClick={() => void unsubscribe()} disabled={busy} data-testid="notify-unsubscribe">
              {busy && <Spinner />} {t('track.notify.unsubscribe')}
            </button>
            {note === 'subscribed' && (
              <span className="p-ok-text" role="status">
                <CheckIcon /> {t('track.notify.subscribed')}
              </span>
            )}
          </div>
        </>
      ) : (
        <NotifyForm state={state} />
      )}
    </section>
  );
}

/** The e-mail address asked for the updates. */
function NotifyForm({ state }: { state: ReturnType<typeof useNotify> }) {
  const { t } = useI18n();
  const { email, setEmail, error, setError, note, busy, subscribe } = state;
  return (
    <form className="p-notify" onSubmit={(e) => void subscribe(e)} noValidate data-testid="notify-form">
      <p className="p-notify__lead">{t('track.notify.lead')}</p>
      <Field id="notify-email" label={t('track.notify.email')} error={error ?? undefined}>
        <input
          id="notify-email"
          className="p-input"
          type="email"
          inputMode="email"
          autoComplete="email"
          maxLength={254}
          value={email}
          placeholder={t('track.notify.email.placeholder')}
          aria-invalid={!!error}
          aria-describedby={describedBy('notify-email', false, error ?? undefined)}
          onChange={(e) => {
            setEmail(e.target.value);
            setError(null);
          }}
        />
      </Field>
      <div className="p-actions p-actions--row">
        <button type="submit" className="p-btn p-btn--primary" disabled={busy} data-testid="notify-subscribe">
          {busy && <Spinner />} {t('track.notify.subscribe')}
        </button>
        {note === 'unsubscribed' && (
          <span className="p-ok-text" role="status">
            <CheckIcon /> {t('track.notify.unsubscribed')}
          </span>
        )}
      </div>
    </form>
  );
}

const MailIcon = ({ size }: { size?: number }) => (
  <Svg size={size}>
    <rect x="3" y="5" width="18" height="14" rx="2" />
    <path d="M3.5 6.5l8.5 6.5 8.5-6.5" />
  </Svg>
);
