/**
 * The quick activity form's values and checks (QuickActivity.tsx). The form is built from the
 * browser's own controls (a `<select>`, text boxes, the day as typed text with the phone's calendar
 * behind a button) instead of Ant Design's Form, Select, DatePicker and InputNumber, which were
 * ~110 KB gzip of the village officer's first load (issue 17): so its values are plain strings, as
 * those controls give them, and it checks them here, with the same messages as the register's own
 * form. Pure functions: quickActivity.test.ts.
 */
import { formatDate } from '../lib/format';
import { parseVnDate } from '../lib/tips';
import type { FormValues } from './payload';

export interface QuickActivityValues {
  unit: string | null;
  /** A catalogue code of `activity_types`; '' when none is chosen. */
  type: string;
  /** The day as typed: dd/mm/yyyy (DayTextInput); '' when cleared. */
  date: string;
  title: string;
  /** Catalogue codes of `forces`. */
  organizers: string[];
  /** What was typed, grouped as 1.200; '' for none. */
  participants: string;
  photos: File[];
}

export type QuickActivityField = Exclude<keyof QuickActivityValues, 'photos'>;
export type QuickActivityErrors = Partial<Record<QuickActivityField, string>>;

/** The fields in the order they are shown: the first with an error gets the focus. */
export const QUICK_ACTIVITY_FIELDS: readonly QuickActivityField[] = ['unit', 'type', 'date', 'title', 'organizers', 'participants'];

/** The server's limits (server/src/modules/registers): a title of 300 characters, counts up to ten million. */
export const TITLE_MAX = 300;
export const COUNT_MAX = 10_000_000;

/** A new activity of `unit` on `today` (YYYY-MM-DD). */
export function newQuickActivity(unit: string | null, today: string): QuickActivityValues {
  return { unit, type: '', date: formatDate(today), title: '', organizers: [], participants: '', photos: [] };
}

/** The messages of the checks, in the shown language. */
export interface QuickActivityMessages {
  unitRequired: string;
  typeRequired: string;
  dateRequired: string;
  dateFormat: string;
  dateInFuture: string;
  titleRequired: string;
  organizersRequired: string;
  participantsTooMany: string;
}

/** "1.200", "1200", "1 200" → 1200; '' → null; anything else (letters, a sign) → NaN. */
export function countOf(typed: string): number | null {
  const s = typed.replace(/[\s.]/g, '');
  if (s === '') return null;
  return /^\d+$/.test(s) ? Number(s) : Number.NaN;
}

/** What the participants box shows once left: the digits only, grouped as 16.000. */
export function groupedCount(typed: string): string {
  const digits = typed.replace(/\D/g, '').replace(/^0+(?=\d)/, '');
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** The checks the register's own form makes (required fields, a real day not after `today` (YYYY-MM-DD), a whole count). */
export function quickActivityErrors(v: QuickActivityValues, today: string, m: QuickActivityMessages): QuickActivityErrors {
  const errors: QuickActivityErrors = {};
  if (!v.unit) errors.unit = m.unitRequired;
  if (!v.type) errors.type = m.typeRequired;
  const day = parseVnDate(v.date);
  if (!v.date.trim()) errors.date = m.dateRequired;
  else if (!day) errors.date = m.dateFormat;
  else if (day > today) errors.date = m.dateInFuture;
  if (!v.title.trim()) errors.title = m.titleRequired;
  if (v.organizers.length === 0) errors.organizers = m.organizersRequired;
  const n = countOf(v.participants);
  if (n !== null && !(n <= COUNT_MAX)) errors.participants = m.participantsTooMany;
  return errors;
}

/** The values as the register's payload builder (formToPayload) takes them. */
export function quickActivityFormValues(v: QuickActivityValues): FormValues {
  const n = countOf(v.participants);
  return {
    unit: v.unit,
    type: v.type,
    date: parseVnDate(v.date),
    title: v.title,
    organizers: v.organizers,
    participants: n === null || Number.isNaN(n) ? null : n,
  };
}
