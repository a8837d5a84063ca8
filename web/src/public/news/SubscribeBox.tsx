/**
 * "Nhận tin qua email": an address and "Chỉ cảnh báo" / "Tất cả tin" for the followed unit.
 * `POST /api/v1/public/subscriptions {"unit", "email", "kinds"}` → 202 whether or not the address was
 * known; a confirmation e-mail follows (double opt-in), so the page says only that it was sent.
 */
import { useState, type FormEvent } from 'react';
import { PublicApiError } from '../api';
import { CheckIcon, Svg } from '../icons';
import { useI18n, type T } from '../i18n';
import { Alert, Field, Spinner, describedBy, errorText, retryText } from '../ui';
import { subscribe } from './api';
import { isEmail, subscriptionKinds, type Receive } from './logic';

/** The text of a refused subscription (on the address, or for the whole box). */
function subscribeError(e: unknown, t: T): { email?: string; box?: string; unavailable?: boolean } {
  if (e instanceof PublicApiError) {
    if (e.status === 400 && e.field === 'email') return { email: t('news.subscribe.invalidEmail') };
    if (e.status === 429) return { box: `${t('news.rateLimited')} ${e.retryAfter !== undefined ? retryText(e.retryAfter, t) : ''}`.trim() };
    if (e.code === 'email_unavailable' || e.status === 503 || e.status === 501) return { unavailable: true };
  }
  return { box: errorText(e, t) };
}

export default function SubscribeBox({ unit }: { unit: { code: string; full_name: string } }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [receive, setReceive] = useState<Receive>('warnings');
  const [busy, setBusy] = useState(false);
  const [emailError, setEmailError] = useState<string>();
  const [failure, setFailure] = useState<string | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const send = async (ev: FormEvent) => {
    ev.preventDefault();
    if (busy) return;
    setFailure(null);
    const address = email.trim();
    if (!isEmail(address)) {
      setEmailError(t('news.subscribe.invalidEmail'));
      document.getElementById('news-email')?.focus();
      return;
    }
    setEmailError(undefined);
    setBusy(true);
    try {
      await subscribe(unit.code, address, subscriptionKinds(receive));
      setSentTo(address);
      setEmail('');
    } catch (e) {
      const r = subscribeError(e, t);
      if (r.email) setEmailError(r.email);
      if (r.box) setFailure(r.box);
      if (r.unavailable) setUnavailable(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="p-card p-news-subscribe" aria-labelledby="news-subscribe-title" data-testid="news-subscribe">
      <h2 className="p-card__title" id="news-subscribe-title">
        <MailIcon /> {t('news.subscribe.title')}
      </h2>
      {unavailable ? (
        <Alert kind="info" testId="news-subscribe-unavailable">
          {t('news.subscribe.unavailable')}
        </Alert>
      ) : sentTo ? (
        <div className="p-alert p-alert--success" role="status" data-testid="news-subscribe-sent">
          <strong className="p-news-sent__title">
            <CheckIcon /> {t('news.subscribe.sent.title')}
          </strong>
          <p className="p-news-sent__text">{t('news.subscribe.sent', { email: sentTo })}</p>
          <button type="button" className="p-link-btn" onClick={() => setSentTo(null)}>
            {t('news.subscribe.again')}
          </button>
        </div>
      ) : (
        <form noValidate onSubmit={(e) => void send(e)} data-testid="news-subscribe-form">
          <p className="p-muted">{t('news.subscribe.lead', { unit: unit.full_name })}</p>
          <Field id="news-email" label={t('news.subscribe.email')} error={emailError}>
            <input
              id="news-email"
              className="p-input"
              type="email"
              inputMode="email"
              autoComplete="email"
              value={email}
              maxLength={254}
              aria-invalid={!!emailError}
              aria-describedby={describedBy('news-email', false, emailError)}
              onChange={(e) => {
                setEmail(e.target.value);
                setEmailError(undefined);
              }}
            />
          </Field>
          <fieldset className="p-news-choice">
            <legend className="p-label">{t('news.subscribe.kinds')}</legend>
            {(['warnings', 'all'] as const).map((r) => (
              <label key={r} className="p-news-option">
                <input type="radio" name="news-receive" value={r} checked={receive === r} onChange={() => setReceive(r)} />
                <span>
                  <span className="p-news-option__label">{t(r === 'warnings' ? 'news.subscribe.warnings' : 'news.subscribe.all')}</span>
                  <span className="p-news-option__hint">{t(r === 'warnings' ? 'news.subscribe.warnings.hint' : 'news.subscribe.all.hint')}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {failure && (
            <Alert kind="error" testId="news-subscribe-error">
              {failure}
            </Alert>
          )}
          <div className="p-actions">
            <button type="submit" className="p-btn p-btn--primary p-btn--block" disabled={busy} data-testid="news-subscribe-button">
              {busy && <Spinner />} {t('news.subscribe.button')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

const MailIcon = () => (
  <Svg>
    <rect x="3" y="5" width="18" height="14" rx="2" />
    <path d="M3.5 6.5l8.5 6.5 8.5-6.5" />
  </Svg>
);
