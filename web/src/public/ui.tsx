/** Small building blocks of the public pages (plain elements styled by public.css). */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { PublicApiError } from './api';
import { useI18n, type T } from './i18n';

/** The text to show for a failed call: the server's own message, else ours. */
export function errorText(e: unknown, t: T): string {
  if (e instanceof PublicApiError) {
    const base = e.fromServer ? e.message : e.status === 0 ? t('error.network') : t('error.http', { status: e.status });
    if (e.status === 429 && e.retryAfter !== undefined) return `${base} ${retryText(e.retryAfter, t)}`;
    return base;
  }
  if (e instanceof Error && e.message) return e.message;
  return t('error.network');
}

/** "Vui lòng thử lại sau 30 giây." / "… khoảng 5 phút." */
export function retryText(seconds: number, t: T): string {
  if (seconds < 120) return t('error.retryAfterSeconds', { n: Math.max(1, seconds) });
  return t('error.retryAfterMinutes', { n: Math.ceil(seconds / 60) });
}

/** Copies a text, also where the asynchronous clipboard is unavailable (plain HTTP). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall back below
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

export function CopyButton({ text, label, testId }: { text: string; label?: string; testId?: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'ok' | 'failed'>('idle');
  const timer = useRef<number>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return (
    <button
      type="button"
      className="p-btn p-btn--small"
      data-testid={testId}
      onClick={() => {
        void copyText(text).then((ok) => {
          setState(ok ? 'ok' : 'failed');
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => setState('idle'), 2500);
        });
      }}
    >
      {state === 'ok' ? `✓ ${t('common.copied')}` : (label ?? t('common.copy'))}
      <span className="p-sr-only" aria-live="polite">
        {state === 'ok' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </button>
  );
}

interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  children: ReactNode;
  extra?: ReactNode;
}

/** A labelled form control with its hint and error below it (the control carries `id`). */
export function Field({ id, label, hint, error, optional, children, extra }: FieldProps) {
  const { t } = useI18n();
  return (
    <div className={`p-field${error ? ' p-field--error' : ''}`}>
      <label className="p-label" htmlFor={id}>
        {label}
        {optional && <span className="p-optional"> ({t('common.optional')})</span>}
      </label>
      {children}
      {extra}
      {hint && (
        <div className="p-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <div className="p-error-text" id={`${id}-error`} role="alert">
          {error}
        </div>
      )}
    </div>
  );
}

/** aria-describedby of a control inside <Field>. */
export function describedBy(id: string, hint: boolean, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function Alert({ kind, children, testId }: { kind: 'error' | 'warning' | 'info' | 'success'; children: ReactNode; testId?: string }) {
  return (
    <div className={`p-alert p-alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'} data-testid={testId}>
      {children}
    </div>
  );
}

export function Spinner() {
  return <span className="p-spinner" aria-hidden="true" />;
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
  const key = `status.${status}` as Parameters<T>[0];
  return (
    <span className={`p-badge p-badge--${STATUS_TONE[status] ?? 'grey'}`} data-testid="tip-status">
      {t(key) === key ? status : t(key)}
    </span>
  );
}
