/**
 * The tip form's draft: what the visitor has written so far and the problems found in it. A pure
 * reducer, so what a change clears and what sending checks is testable without a browser.
 */
import { formatNumber } from '../../lib/format';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, descriptionProblem, parseOccurredAt } from '../../lib/tips';
import type { NewTip, Unit } from '../api';
import type { T } from '../i18n';

export type ErrorField = 'unit' | 'category' | 'description' | 'occurred_at' | 'place' | 'reporter' | 'files' | 'location';
export type Errors = Partial<Record<ErrorField, string>>;

export interface Geo {
  lat: number;
  lng: number;
  accuracy: number;
}

export interface Reporter {
  name: string;
  phone: string;
  email: string;
  address: string;
}

export interface Draft {
  category: string;
  description: string;
  occurredDate: string;
  occurredTime: string;
  place: string;
  geo: Geo | null;
  anonymous: boolean;
  reporter: Reporter;
  files: File[];
  keepLocation: boolean;
  errors: Errors;
}

/** The fields whose change forgets an error, and that error. */
const FORGETS: Partial<Record<keyof Draft, ErrorField>> = {
  category: 'category',
  description: 'description',
  occurredDate: 'occurred_at',
  occurredTime: 'occurred_at',
  place: 'place',
};

/**
 * A change of the draft: the new values, or a function of the draft for a change made later (a
 * position found). A change that brings `errors` sets them; any other forgets the errors of the
 * fields it changes (a reporter's name or phone number forgets the reporter error: they are what
 * makes a named tip valid).
 */
export type DraftAction = Partial<Draft> | ((d: Draft) => Partial<Draft>);

export const EMPTY_DRAFT: Draft = {
  category: '',
  description: '',
  occurredDate: '',
  occurredTime: '',
  place: '',
  geo: null,
  anonymous: true,
  reporter: { name: '', phone: '', email: '', address: '' },
  files: [],
  keepLocation: false,
  errors: {},
};

/** Forgets a field's error (the same object when there was none, so nothing re-renders). */
function forget(errors: Errors, field: ErrorField): Errors {
  return errors[field] ? { ...errors, [field]: undefined } : errors;
}

export function draftReducer(d: Draft, action: DraftAction): Draft {
  const c = typeof action === 'function' ? action(d) : action;
  let errors = c.errors ?? d.errors;
  if (!c.errors) {
    for (const k of Object.keys(c) as (keyof Draft)[]) {
      const field = FORGETS[k];
      if (field) errors = forget(errors, field);
    }
    if (c.reporter && (c.reporter.name !== d.reporter.name || c.reporter.phone !== d.reporter.phone)) errors = forget(errors, 'reporter');
  }
  return { ...d, ...c, errors };
}

/** Forgets one error (the same errors when there was none). */
export const withoutError =
  (field: ErrorField): DraftAction =>
  (d) => ({ errors: forget(d.errors, field) });

/** Sets one error, keeping the others as they are then. */
export const withError =
  (field: ErrorField, message: string | undefined): DraftAction =>
  (d) => ({ errors: { ...d.errors, [field]: message } });

export const hasErrors = (e: Errors) => Object.values(e).some(Boolean);

/** The problems that keep the draft from being sent (`now` in milliseconds, for a time in the future). */
export function validateDraft(d: Draft, unit: Unit | null, t: T, now = Date.now()): Errors {
  const e: Errors = {};
  if (!unit) e.unit = t('submit.unit.required');
  if (!d.category) e.category = t('submit.category.required');
  const problem = descriptionProblem(d.description);
  if (problem === 'short') e.description = t('submit.description.short', { min: DESCRIPTION_MIN });
  if (problem === 'long') e.description = t('submit.description.long', { max: formatNumber(DESCRIPTION_MAX) });
  const occurred = parseOccurredAt(d.occurredDate, d.occurredTime);
  if (occurred.problem) e.occurred_at = t(`submit.occurredAt.${occurred.problem}`);
  else if (occurred.value && Date.parse(occurred.value) > now + 5 * 60_000) e.occurred_at = t('submit.occurredAt.future');
  if (!d.anonymous && !d.reporter.name.trim() && !d.reporter.phone.trim()) e.reporter = t('submit.reporter.required');
  return e;
}

/** The request body of a valid draft for `unit`. */
export function draftBody(d: Draft, unit: Unit): NewTip {
  const body: NewTip = { unit: unit.code, category: d.category, description: d.description.trim(), anonymous: d.anonymous };
  const occurred = parseOccurredAt(d.occurredDate, d.occurredTime).value;
  if (occurred) body.occurred_at = occurred;
  if (d.place.trim()) body.place = d.place.trim();
  if (d.geo) {
    body.lat = Math.round(d.geo.lat * 1e6) / 1e6;
    body.lng = Math.round(d.geo.lng * 1e6) / 1e6;
  }
  if (!d.anonymous) {
    const r: NonNullable<NewTip['reporter']> = {};
    for (const k of ['name', 'phone', 'email', 'address'] as const) if (d.reporter[k].trim()) r[k] = d.reporter[k].trim();
    body.reporter = r;
  }
  return body;
}

/** The API field an error names → the form's field. */
export function formField(field: string | undefined): ErrorField | null {
  if (!field) return null;
  if (field === 'lat' || field === 'lng') return 'location';
  if (field.startsWith('reporter')) return 'reporter';
  if (['unit', 'category', 'description', 'occurred_at', 'place'].includes(field)) return field as ErrorField;
  return null;
}

/** The fields in the order of the form, with the control that takes the focus for each. */
export const ERROR_FOCUS: [ErrorField, string][] = [
  ['unit', '#unit-level-0, #unit-change'],
  ['category', '#tip-category'],
  ['description', '#tip-description'],
  ['occurred_at', '#tip-occurred-date'],
  ['place', '#tip-place'],
  ['reporter', '#reporter-name'],
];
