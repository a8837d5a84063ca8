/**
 * `/tra-cuu-tin-bao`: the reporter's view of a tip (status, history, outcome, messages with the
 * police, attachments), opened with the tracking code and the secret. They may come in the
 * address fragment (`#code=…&secret=…`), which browsers never send to the server; the fragment
 * is then removed from the address bar.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { formatDate, formatDateTime, formatNumber } from '../lib/format';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_MAX, MESSAGE_MAX, formatBytes, formatTrackingCode, isPlausibleTrackingCode, normaliseSecret, parseTrackingHash, textLength } from '../lib/tips';
import {
  PublicApiError,
  getCategories,
  sendMessage,
  subscribeTipUpdates,
  trackTip,
  unsubscribeTipUpdates,
  uploadAttachment,
  type Category,
  type TrackedTip,
} from './api';
import { CheckIcon, ImageIcon, RefreshIcon, Svg, VideoIcon } from './icons';
import { useI18n, type TextKey } from './i18n';
import { FilePicker, KeepLocation, pickFiles } from './files';
import { Alert, Field, Spinner, describedBy, errorText, retryText } from './ui';

interface Creds {
  code: string;
  secret: string;
}

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
    <article className="p-page" data-testid="track-tip">
      <h1 className="p-title">{t('track.title')}</h1>
      <p className="p-lead">{t('track.lead')}</p>
      <form className="p-card p-form" noValidate onSubmit={lookup} data-testid="track-form">
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
            onChange={(e) => setCode(e.target.value)}
            onBlur={() => isPlausibleTrackingCode(code) && setCode(formatTrackingCode(code))}
          />
        </Field>
        <Field id="track-secret" label={t('track.secret')} error={errors.secret}>
          <input
            id="track-secret"
            // the link of an update e-mail brings the code only: the secret is what is left to type
            autoFocus={!!initial?.code && !initial.secret}
            className="p-input p-input--code"
            value={secret}
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            maxLength={200}
            aria-invalid={!!errors.secret}
            aria-describedby={describedBy('track-secret', false, errors.secret)}
            onChange={(e) => setSecret(e.target.value)}
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

function TipView({
  tip,
  creds,
  categories,
  loading,
  onRefresh,
  onClose,
}: {
  tip: TrackedTip;
  creds: Creds;
  categories: Category[];
  loading: boolean;
  onRefresh: () => void;
  onClose: () => void;
}) {
  const { t, lang } = useI18n();
  const category = categories.find((c) => c.code === tip.category);
  const categoryLabel = category ? (lang === 'en' && category.label_en ? category.label_en : category.label) : tip.category;
  const messages = [...tip.messages].sort((a, b) => a.at.localeCompare(b.at));
  const timeline = citizenTimeline(tip.timeline);

  return (
    <article className="p-page" data-testid="tip-view">
      <div className="p-tip-head">
        <div>
          <div className="p-muted">{t('track.code')}</div>
          <h1 className="p-title p-title--code" data-testid="tip-code">
            {formatTrackingCode(tip.tracking_code)}
          </h1>
        </div>
        <StatusBadge status={tip.status} />
      </div>

      <section className="p-card">
        <dl className="p-facts">
          <div>
            <dt>{t('track.category')}</dt>
            <dd>{categoryLabel}</dd>
          </div>
          <div>
            <dt>{t('track.unit')}</dt>
            <dd>{tip.unit.full_name}</dd>
          </div>
          <div>
            <dt>{t('track.receivedAt')}</dt>
            <dd>{formatDateTime(tip.received_at)}</dd>
          </div>
        </dl>
        <div className="p-actions p-actions--row">
          <button type="button" className="p-btn p-btn--small" onClick={onRefresh} disabled={loading}>
            {loading ? <Spinner /> : <RefreshIcon />} {t('track.refresh')}
          </button>
          <button type="button" className="p-btn p-btn--small" onClick={onClose}>
            {t('track.other')}
          </button>
        </div>
      </section>

      <section className="p-card" aria-labelledby="decision-title">
        <h2 className="p-card__title" id="decision-title">
          {t('track.decision')}
        </h2>
        {tip.decision ? (
          <div className="p-decision" data-testid="tip-decision">
            <StatusBadge status={tip.decision.status} />
            {tip.decision.note && <p className="p-pre">{tip.decision.note}</p>}
            <div className="p-muted">{t('track.decision.at', { at: formatDate(tip.decision.at) })}</div>
          </div>
        ) : (
          <p className="p-muted">{t('track.decision.none')}</p>
        )}
      </section>

      {/* a server that cannot send e-mail says so: no form to fill in for nothing */}
      {(tip.notify_available !== false || tip.notify === true) && <NotifySection creds={creds} subscribed={tip.notify === true} />}

      <section className="p-card" aria-labelledby="messages-title">
        <h2 className="p-card__title" id="messages-title">
          {t('track.messages')}
        </h2>
        {messages.length === 0 ? (
          <p className="p-muted">{t('track.messages.none')}</p>
        ) : (
          <ol className="p-thread" data-testid="messages">
            {messages.map((m) => {
              const mine = m.from === 'reporter';
              return (
                <li key={m.id} className={`p-msg ${mine ? 'p-msg--mine' : 'p-msg--police'}`} data-testid="message">
                  <div className="p-msg__meta">
                    <strong>{mine ? t('track.messages.you') : t('track.messages.police')}</strong> · {formatDateTime(m.at)}
                  </div>
                  <div className="p-msg__body">{m.body}</div>
                </li>
              );
            })}
          </ol>
        )}
        <Reply creds={creds} onSent={onRefresh} />
      </section>

      <section className="p-card" aria-labelledby="files-title">
        <h2 className="p-card__title" id="files-title">
          {t('track.attachments')}
        </h2>
        {tip.attachments.length === 0 ? (
          <p className="p-muted">{t('track.attachments.none')}</p>
        ) : (
          <ul className="p-file-list" data-testid="attachments">
            {tip.attachments.map((a) => (
              <li key={a.id} className="p-file">
                {a.kind === 'video' ? <VideoIcon /> : <ImageIcon />}
                <span className="p-file__name">{a.kind === 'video' ? t('track.attachments.video') : t('track.attachments.image')}</span>
                <span className="p-file__size">
                  {formatBytes(a.size)} · {formatDateTime(a.at)}
                </span>
              </li>
            ))}
          </ul>
        )}
        {tip.attachments.length < ATTACHMENTS_MAX && <MoreFiles creds={creds} room={ATTACHMENTS_MAX - tip.attachments.length} onDone={onRefresh} />}
      </section>

      <section className="p-card" aria-labelledby="timeline-title">
        <h2 className="p-card__title" id="timeline-title">
          {t('track.timeline')}
        </h2>
        <ol className="p-timeline" data-testid="timeline">
          {timeline.map((e, i) => (
            <li key={i}>
              <span className="p-timeline__at">{formatDateTime(e.at)}</span>
              <span>{timelineText(e, t)}</span>
            </li>
          ))}
        </ol>
      </section>
    </article>
  );
}

/**
 * The status a citizen reads: a tip that was resolved and then closed by the police (filed away)
 * stays "Đã giải quyết" to its reporter — "đã kết thúc" reads as if it had been dropped.
 */
export function citizenStatus(status: string): string {
  return status === 'closed' ? 'resolved' : status;
}

/** The history in time order, without a second "Đã giải quyết" when the tip is then closed. */
export function citizenTimeline(events: TrackedTip['timeline']): TrackedTip['timeline'] {
  let last: string | null = null;
  return [...events]
    .sort((a, b) => a.at.localeCompare(b.at))
    .filter((e) => {
      if (e.kind !== 'status' || !e.status) return true;
      const shown = citizenStatus(e.status);
      const repeated = shown === last;
      last = shown;
      return !repeated;
    });
}

function timelineText(e: { kind: string; status?: string | null; until?: string | null }, t: ReturnType<typeof useI18n>['t']): string {
  const key = `track.timeline.${e.kind}` as TextKey;
  const text = t(key);
  if (text === key) return t('track.timeline.other');
  if (e.kind === 'extended' && e.until) return t('track.timeline.extendedUntil', { date: formatDate(e.until) });
  if (e.kind === 'status' && e.status) {
    const s = t(`status.${citizenStatus(e.status)}` as TextKey);
    return t('track.timeline.status', { status: s.startsWith('status.') ? e.status : s });
  }
  return text;
}

function Reply({ creds, onSent }: { creds: Creds; onSent: () => void }) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState(false);

  const send = async (ev: FormEvent) => {
    ev.preventDefault();
    setSent(false);
    const n = textLength(body);
    if (n === 0) return setError(t('track.reply.empty'));
    if (n > MESSAGE_MAX) return setError(t('track.reply.long', { max: formatNumber(MESSAGE_MAX) }));
    setError(null);
    setSending(true);
    try {
      await sendMessage(creds.code, creds.secret, body.trim());
      setBody('');
      setSent(true);
      onSent();
    } catch (e) {
      setError(errorText(e, t));
    } finally {
      setSending(false);
    }
  };

  return (
    <form className="p-reply" onSubmit={(e) => void send(e)} noValidate data-testid="reply-form">
      <Field id="reply-body" label={t('track.reply')} error={error ?? undefined}>
        <textarea
          id="reply-body"
          className="p-input p-textarea"
          rows={3}
          value={body}
          placeholder={t('track.reply.placeholder')}
          aria-describedby={describedBy('reply-body', false, error ?? undefined)}
          onChange={(e) => setBody(e.target.value)}
        />
      </Field>
      <div className="p-actions p-actions--row">
        <button type="submit" className="p-btn p-btn--primary" disabled={sending} data-testid="reply-send">
          {sending && <Spinner />} {t('track.reply.send')}
        </button>
        {sent && (
          <span className="p-ok-text" role="status">
            <CheckIcon /> {t('track.reply.sent')}
          </span>
        )}
      </div>
    </form>
  );
}

function MoreFiles({ creds, room, onDone }: { creds: Creds; room: number; onDone: () => void }) {
  const { t } = useI18n();
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [keep, setKeep] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: number; errors: string[] } | null>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const upload = async () => {
    setBusy(true);
    let ok = 0;
    const errors: string[] = [];
    for (const f of files) {
      try {
        await uploadAttachment(creds.code, creds.secret, f, keep);
        ok += 1;
      } catch (e) {
        errors.push(`${f.name}: ${errorText(e, t)}`);
      }
    }
    if (!mounted.current) return;
    setBusy(false);
    setFiles([]);
    setResult({ ok, errors });
    if (ok) onDone();
  };

  return (
    <div className="p-more-files">
      <h3 className="p-subtitle">{t('track.attachments.add')}</h3>
      <FilePicker
        files={files}
        max={room}
        hint={t('track.attachments.hint', { max: ATTACHMENTS_MAX, size: formatBytes(ATTACHMENT_MAX_BYTES) })}
        onAdd={(l) => {
          const picked = pickFiles(files, l, t, room);
          setFiles(picked.files);
          setProblem(picked.problem ?? null);
        }}
        onRemove={(i) => setFiles(files.filter((_, j) => j !== i))}
      />
      {problem && <p className="p-error-text">{problem}</p>}
      {files.length > 0 && (
        <>
          <KeepLocation checked={keep} onChange={setKeep} />
          <button type="button" className="p-btn p-btn--primary" onClick={() => void upload()} disabled={busy}>
            {busy && <Spinner />} {t('track.attachments.upload')}
          </button>
        </>
      )}
      {result && result.ok > 0 && <p className="p-ok-text">
          <CheckIcon /> {t('track.attachments.uploaded', { n: result.ok })}
        </p>}
      {result?.errors.map((e, i) => (
        <p key={i} className="p-error-text">
          {e}
        </p>
      ))}
    </div>
  );
}

const STATUS_TONE: Record<string, string> = {
  received: 'blue',
  verifying: 'gold',
  assigned: 'purple',
  resolved: 'green',
  closed: 'grey',
  rejected: 'red',
  duplicate: 'grey',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const shown = citizenStatus(status);
  const key = `status.${shown}` as TextKey;
  return (
    <span className={`p-badge p-badge--${STATUS_TONE[shown] ?? 'grey'}`} data-testid="tip-status">
      {t(key) === key ? status : t(key)}
    </span>
  );
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * "Nhận thông báo khi có cập nhật": an e-mail told of each update (the police answer or decide)
 * with "có cập nhật mới" and the link only. `POST …/notify {"email"}` / `DELETE …/notify` with
 * X-Tip-Secret → 204; the tip view says `notify: true|false`, and `notify_available: false` when the
 * server has no mail server (the section is then not shown). A server without this API answers
 * 404, one without a mail server 503 `email_unavailable`: then a neutral note instead of the form.
 */
function NotifySection({ creds, subscribed }: { creds: Creds; subscribed: boolean }) {
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
      )}
    </section>
  );
}

const MailIcon = ({ size }: { size?: number }) => (
  <Svg size={size}>
    <rect x="3" y="5" width="18" height="14" rx="2" />
    <path d="M3.5 6.5l8.5 6.5 8.5-6.5" />
  </Svg>
);
