/** The form's second card: the kind of tip, what happened, and when. */
import type { Dispatch } from 'react';
import { formatNumber } from '../../lib/format';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, textLength } from '../../lib/tips';
import type { Category } from '../api';
import { useI18n } from '../i18n';
import { Field, FieldError, describedBy, errorText } from '../ui';
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
  const { t, lang } = useI18n();
  const { errors } = draft;
  const descLen = textLength(draft.description);
  const categoryLabel = (c: Category) => (lang === 'en' && c.label_en ? c.label_en : c.label);
  const loadError = categories.error ? `${t('submit.category.loadError')} ${errorText(categories.error, t)}` : undefined;
  return (
    <fieldset className="p-card" disabled={disabled}>
      <legend className="p-card__title">{t('submit.section.what')}</legend>
      <Field id="tip-category" label={t('submit.category')} error={errors.category ?? loadError}>
        <select
          id="tip-category"
          className="p-input"
          value={draft.category}
          aria-invalid={!!errors.category}
          aria-describedby={describedBy('tip-category', false, errors.category)}
          onChange={(e) => dispatch({ category: e.target.value })}
          disabled={!categories.items}
        >
          <option value="" disabled>
            {categories.items ? t('submit.category.choose') : t('common.loading')}
          </option>
          {categories.items?.map((c) => (
            <option key={c.code} value={c.code}>
              {categoryLabel(c)}
            </option>
          ))}
        </select>
      </Field>

      <Field
        id="tip-description"
        label={t('submit.description')}
        hint={t('submit.description.hint', { min: DESCRIPTION_MIN, max: formatNumber(DESCRIPTION_MAX) })}
        error={errors.description}
        extra={
          <div className={`p-counter${descLen > DESCRIPTION_MAX ? ' p-counter--over' : ''}`} aria-live="polite" data-testid="description-counter">
            {t('submit.description.counter', { n: formatNumber(descLen), max: formatNumber(DESCRIPTION_MAX) })}
          </div>
        }
      >
        <textarea
          id="tip-description"
          className="p-input p-textarea"
          rows={6}
          value={draft.description}
          aria-invalid={!!errors.description}
          aria-describedby={describedBy('tip-description', true, errors.description)}
          onChange={(e) => dispatch({ description: e.target.value })}
        />
      </Field>

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
        <OccurredInput part="date" draft={draft} dispatch={dispatch} />
        <OccurredInput part="time" draft={draft} dispatch={dispatch} />
      </div>
      <div className="p-hint" id="tip-occurred-hint">
        {t('submit.occurredAt.hint')}
      </div>
      <FieldError id="tip-occurred" error={error} />
    </div>
  );
}

/** The date or the time of day of <OccurredAt>, typed as text. */
function OccurredInput({ part, draft, dispatch }: { part: 'date' | 'time'; draft: Draft; dispatch: Dispatch<DraftAction> }) {
  const { t } = useI18n();
  const error = draft.errors.occurred_at;
  const field = part === 'date' ? 'occurredDate' : 'occurredTime';
  return (
    <label className={`p-row__item p-row__item--${part}`}>
      <span className="p-sublabel">{t(`submit.occurredAt.${part}`)}</span>
      <input
        id={`tip-occurred-${part}`}
        className="p-input"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t(`submit.occurredAt.${part}Placeholder`)}
        maxLength={part === 'date' ? 10 : 5}
        value={draft[field]}
        aria-invalid={!!error}
        aria-describedby={describedBy('tip-occurred', true, error)}
        onChange={(e) => dispatch({ [field]: e.target.value })}
      />
    </label>
  );
}
