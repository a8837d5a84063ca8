/** Small building blocks of the public pages (plain elements styled by controls.css). */
import { useEffect, type ReactNode } from 'react';
import { PublicApiError } from './api';
import { useI18n, type T, type TextKey } from './i18n';

/** The browser tab's title: "<page> — <the site>". */
export function useDocumentTitle(page: TextKey) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = t('app.documentTitle', { page: t(page) });
  }, [t, page]);
}

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

/** Brings the control `selector` of `form` into view and gives it the focus (the first field in error). */
export function focusControl(form: HTMLFormElement | null, selector: string) {
  const el = form?.querySelector<HTMLElement>(selector);
  el?.focus();
  el?.scrollIntoView({ block: 'center' });
}

/** The label of a catalogue item in the page's language (English where the item has one). */
export function itemLabel(item: { label: string; label_en?: string | null }, lang: string): string {
  return lang === 'en' && item.label_en ? item.label_en : item.label;
}

/** A <select> of catalogue items inside <Field id>: "choose…" first ("loading…" until the items come). */
export function ItemSelect({
  id,
  value,
  items,
  chooseText,
  error,
  onChange,
}: {
  id: string;
  value: string;
  items: readonly { code: string; label: string; label_en?: string | null }[] | null;
  chooseText: string;
  error?: string;
  onChange: (code: string) => void;
}) {
  const { t, lang } = useI18n();
  return (
    <select
      id={id}
      className="p-input"
      value={value}
      disabled={!items}
      aria-invalid={!!error}
      aria-describedby={describedBy(id, false, error)}
      onChange={(e) => onChange(e.target.value)}
    >
      <option value="" disabled>
        {items ? chooseText : t('common.loading')}
      </option>
      {items?.map((c) => (
        <option key={c.code} value={c.code}>
          {itemLabel(c, lang)}
        </option>
      ))}
    </select>
  );
}

/** The counter under a long text: "120/2.000 ký tự", in red past the limit. */
export interface TextCounter {
  text: string;
  over: boolean;
  testId: string;
}

/** A long text in its <Field>: label, hint, error and (optionally) a character counter. */
export function TextAreaField({
  id,
  label,
  hint,
  error,
  invalid,
  counter,
  rows,
  value,
  placeholder,
  onChange,
}: {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Marks the text as refused for assistive technology (aria-invalid); unset, the attribute is left out. */
  invalid?: boolean;
  counter?: TextCounter;
  rows: number;
  value: string;
  placeholder?: string;
  onChange: (value: string) => void;
}) {
  return (
    <Field
      id={id}
      label={label}
      hint={hint}
      error={error}
      extra={
        counter && (
          <div className={`p-counter${counter.over ? ' p-counter--over' : ''}`} aria-live="polite" data-testid={counter.testId}>
            {counter.text}
          </div>
        )
      }
    >
      <textarea
        id={id}
        className="p-input p-textarea"
        rows={rows}
        value={value}
        placeholder={placeholder}
        aria-invalid={invalid}
        aria-describedby={describedBy(id, !!hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}

/** Under a form: why sending failed, else (when fields are in error) the request to correct them. */
export function FormProblem({ failure, fieldErrors, testId, fixText }: { failure: string | null; fieldErrors: boolean; testId: string; fixText: string }) {
  const { t } = useI18n();
  if (failure) {
    return (
      <Alert kind="error" testId={testId}>
        <strong>{t('error.title')}.</strong> {failure}
      </Alert>
    );
  }
  return fieldErrors ? <p className="p-error-text">{fixText}</p> : null;
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
