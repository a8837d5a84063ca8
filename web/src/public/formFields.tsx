/**
 * Form fields of the public pages beyond <Field> (ui.tsx): a catalogue <select> and a long text
 * with its counter. Kept apart from ui.tsx so that pages which do not use them do not load them.
 */
import type { ReactNode } from 'react';
import { useI18n } from './i18n';
import { Field, describedBy } from './ui';

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
