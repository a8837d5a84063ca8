/** The form's second card: the kind of tip, what happened, and when. */
import type { Dispatch } from 'react';
import { formatNumber } from '../../lib/format';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, textLength } from '../../lib/tips';
import type { Category } from '../api';
import { useI18n } from '../i18n';
import { Field, FieldError, ItemSelect, TextAreaField, describedBy, errorText } from '../ui';
import type { Draft, DraftAction } from './draft';

export interface Categories {
  items: Category[] | null;
  error: unknown;
}

export function WhatSection({
  draft,
  dispatch,
  categories,
  disabled,
}: {
  draft: Draft;
  dispatch: Dispatch<DraftAction>;
  categories: Categories;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const { errors } = draft;
  const descLen = textLength(draft.description);
  const loadError = categories.error ? `${t('submit.category.loadError')} ${errorText(categories.error, t)}` : undefined;
  return (
    <fieldset className="p-card" disabled={disabled}>
      <legend className="p-card__title">{t('submit.section.what')}</legend>
      <Field id="tip-category" label={t('submit.category')} error={errors.category ?? loadError}>
        <ItemSelect
          id="tip-category"
          value={draft.category}
          items={categories.items}
          chooseText={t('submit.category.choose')}
          error={errors.category}
          onChange={(category) => dispatch({ category })}
        />
      </Field>

      <TextAreaField
        id="tip-description"
        label={t('submit.description')}
        hint={t('submit.description.hint', { min: DESCRIPTION_MIN, max: formatNumber(DESCRIPTION_MAX) })}
        error={errors.description}
        invalid={!!errors.description}
        counter={{
          text: t('submit.description.counter', { n: formatNumber(descLen), max: formatNumber(DESCRIPTION_MAX) }),
          over: descLen > DESCRIPTION_MAX,
          testId: 'description-counter',
        }}
        rows={6}
        value={draft.description}
        onChange={(description) => dispatch({ description })}
      />

      <OccurredAt draft={draft} dispatch={dispatch} />
    </fieldset>
  );
}

/** When it happened: a date and an optional time, typed as Vietnamese write them. */
function OccurredAt({ draft, dispatch }: { draft: Draft; dispatch: Dispatch<DraftAction> }) {
  const { t } = useI18n();
  const error = draft.errors.occurred_at;
  return (
    <div className={`p-field${error ? ' p-field--error' : ''}`} role="group" aria-labelledby="occurred-label">
      <div className="p-label" id="occurred-label">
        {t('submit.occurredAt')}
        <span className="p-optional"> ({t('common.optional')})</span>
      </div>
      <div className="p-row">
        <OccurredInput
          part="date"
          label={t('submit.occurredAt.date')}
          placeholder={t('submit.occurredAt.datePlaceholder')}
          maxLength={10}
          value={draft.occurredDate}
          error={error}
          onChange={(occurredDate) => dispatch({ occurredDate })}
        />
        <OccurredInput
          part="time"
          label={t('submit.occurredAt.time')}
          placeholder={t('submit.occurredAt.timePlaceholder')}
          maxLength={5}
          value={draft.occurredTime}
          error={error}
          onChange={(occurredTime) => dispatch({ occurredTime })}
        />
      </div>
      <div className="p-hint" id="tip-occurred-hint">
        {t('submit.occurredAt.hint')}
      </div>
      <FieldError id="tip-occurred" error={error} />
    </div>
  );
}

/** The date or the time of day of <OccurredAt>, typed as text. */
function OccurredInput({
  part,
  label,
  placeholder,
  maxLength,
  value,
  error,
  onChange,
}: {
  part: 'date' | 'time';
  label: string;
  placeholder: string;
  maxLength: number;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  return (
    <label className={`p-row__item p-row__item--${part}`}>
      <span className="p-sublabel">{label}</span>
      <input
        id={`tip-occurred-${part}`}
        className="p-input"
        inputMode="numeric"
        autoComplete="off"
        placeholder={placeholder}
        maxLength={maxLength}
        value={value}
        aria-invalid={!!error}
        aria-describedby={describedBy('tip-occurred', true, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </label>
  );
}
