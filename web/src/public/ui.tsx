/** Small building blocks of the public pages (plain elements styled by controls.css). */
import type { ReactNode } from 'react';
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
      <FieldError id={id} error={error} />
    </div>
  );
}

/** The error under the control `id` (aria-describedby points at `${id}-error`); nothing without one. */
export function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <div className="p-error-text" id={`${id}-error`} role="alert">
      {error}
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
