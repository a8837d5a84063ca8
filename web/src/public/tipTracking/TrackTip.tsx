/**
 * `/tra-cuu-tin-bao`: the reporter's view of a tip (status, history, outcome, messages with the
 * police, attachments), opened with the tracking code and the secret. They may come in the
 * address fragment (`#code=…&secret=…`), which browsers never send to the server; the fragment
 * is then removed from the address bar.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { formatTrackingCode, isPlausibleTrackingCode, normaliseSecret, parseTrackingHash } from '../../lib/tips';
import { PublicApiError, getCategories, trackTip, type Category, type TrackedTip } from '../api';
import { useI18n } from '../i18n';
import { Alert, Field, Spinner, describedBy, errorText } from '../ui';
import type { Creds } from './creds';
import { TipView } from './TipView';

export default function TrackTip() {
  const { t } = useI18n();
  const [initial] = useState(() => parseTrackingHash(window.location.hash));
  const [code, setCode] = useState(initial?.code ?? '');
  const [secret, setSecret] = useState(initial?.secret ?? '');
  const [errors, setErrors] = useState<{ code?: string; secret?: string }>({});
  const [creds, setCreds] = useState<Creds | null>(null);
  const [tip, setTip] = useState<TrackedTip | null>(null);
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [categories, setCategories] = useState<Category[]>([]);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: t('track.pageTitle') });
  }, [t]);

  const load = useCallback(
    async (c: Creds) => {
      setLoading(true);
      setFailure(null);
      try {
        const found = await trackTip(c.code, c.secret);
        setTip(found);
        setCreds(c);
      } catch (e) {
        setTip(null);
        setFailure(e instanceof PublicApiError && e.status === 404 ? t('track.notFound') : errorText(e, t));
      } finally {
        setLoading(false);
      }
    },
    [t],
  );

  useEffect(() => {
    getCategories()
      .then((r) => setCategories(r.items))
      .catch(() => {});
    if (initial) {
      // keep the secret out of the address bar and the history
      window.history.replaceState(null, '', window.location.pathname + window.location.search);
      if (initial.secret) void load(initial);
    }
  }, [initial, load]);

  const lookup = (ev: FormEvent) => {
    ev.preventDefault();
    const e: typeof errors = {};
    if (!isPlausibleTrackingCode(code)) e.code = t('track.code.invalid');
    if (!normaliseSecret(secret)) e.secret = t('track.secret.required');
    setErrors(e);
    if (e.code || e.secret) {
      document.getElementById(e.code ? 'track-code' : 'track-secret')?.focus();
      return;
    }
    void load({ code: formatTrackingCode(code), secret: normaliseSecret(secret) });
  };

  if (tip && creds) {
    return (
      <TipView
        tip={tip}
        creds={creds}
        categories={categories}
        loading={loading}
        onRefresh={() => void load(creds)}
        onClose={() => {
          setTip(null);
          setCreds(null);
          setSecret('');
          setCode('');
        }}
      />
    );
  }

  return (
    <LookupForm
      code={code}
      secret={secret}
      onCode={setCode}
      onSecret={setSecret}
      errors={errors}
      failure={failure}
      loading={loading}
      // the link of an update e-mail brings the code only: the secret is what is left to type
      focusSecret={!!initial?.code && !initial.secret}
      onSubmit={lookup}
    />
  );
}

interface LookupProps {
  code: string;
  secret: string;
  onCode: (v: string) => void;
  onSecret: (v: string) => void;
  errors: { code?: string; secret?: string };
  failure: string | null;
  loading: boolean;
  focusSecret: boolean;
  onSubmit: (ev: FormEvent) => void;
}

/** The tracking code and the secret, asked when the address did not bring them. */
function LookupForm({ code, secret, onCode, onSecret, errors, failure, loading, focusSecret, onSubmit }: LookupProps) {
  const { t } = useI18n();
  return (
    <article className="p-page" data-testid="track-tip">
      <h1 className="p-title">{t('track.title')}</h1>
      <p className="p-lead">{t('track.lead')}</p>
      <form className="p-card p-form" noValidate onSubmit={onSubmit} data-testid="track-form">
        <Field id="track-code" label={t('track.code')} error={errors.code}>
          <input
            id="track-code"
            className="p-input p-input--code"
            value={code}
            placeholder={t('track.code.placeholder')}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
            aria-invalid={!!errors.code}
            aria-describedby={describedBy('track-code', false, errors.code)}
            onChange={(e) => onCode(e.target.value)}
            onBlur={() => isPlausibleTrackingCode(code) && onCode(formatTrackingCode(code))}
          />
        </Field>
        <Field id="track-secret" label={t('track.secret')} error={errors.secret}>
          <input
            id="track-secret"
            autoFocus={focusSecret}
            className="p-input p-input--code"
            value={secret}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={200}
            aria-invalid={!!errors.secret}
            aria-describedby={describedBy('track-secret', false, errors.secret)}
            onChange={(e) => onSecret(e.target.value)}
          />
        </Field>
        {failure && (
          <Alert kind="error" testId="track-error">
            {failure}
          </Alert>
        )}
        <div className="p-actions">
          <button type="submit" className="p-btn p-btn--primary p-btn--block" disabled={loading} data-testid="track-submit">
            {loading && <Spinner />} {t('track.submit')}
          </button>
        </div>
      </form>
    </article>
  );
}
