/**
 * From a register's field config to the form and back: the values an Ant Design form holds
 * (dates as Dayjs, Vietnam wall-clock times) and the JSON body the API wants (YYYY-MM-DD,
 * RFC 3339 with +07:00, whole numbers, catalogue codes). An edit sends only what changed, and
 * `null` for an optional field that was emptied. Pure functions: `payload.test.ts` checks them.
 */
import dayjs, { type Dayjs } from 'dayjs';
import type { RegisterPayload, RegisterQuery, RegisterRecord } from './api';
import { fieldOfRegister, type FieldSpec, type RegisterConfig } from './config';

export type FormValues = Record<string, unknown>;

export interface Person {
  name: string;
  birth_year?: number;
  address?: string;
}

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

/** Today in Vietnam as YYYY-MM-DD (the server's "no future date" uses this calendar). */
export function todayVN(now: Date = new Date()): string {
  const d = new Date(now.getTime() + VN_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The current year in Vietnam. */
export const yearVN = (now: Date = new Date()) => Number(todayVN(now).slice(0, 4));

/** "YYYY-MM-DD" → a Dayjs of that day (local midnight), null for anything else. */
export function dayOf(value: unknown): Dayjs | null {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = dayjs(value, 'YYYY-MM-DD');
  return d.isValid() ? d : null;
}

/**
 * An instant (RFC 3339) → a Dayjs that shows its Vietnam wall-clock time whatever the browser's
 * time zone: the pickers show and edit what an officer in Vietnam reads on the clock.
 */
export function vnWallClock(value: unknown): Dayjs | null {
  if (typeof value !== 'string' || !value) return null;
  const t = Date.parse(value);
  if (Number.isNaN(t)) return null;
  const d = new Date(t + VN_OFFSET_MS);
  return dayjs(new Date(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()));
}

/** A picker's wall-clock time read as Vietnam time: "2026-11-20T19:30:00+07:00". */
export function vnIso(d: Dayjs): string {
  return `${d.format('YYYY-MM-DDTHH:mm:ss')}+07:00`;
}

function isDayjs(v: unknown): v is Dayjs {
  return dayjs.isDayjs(v);
}

/** The API value of one form value; null means "empty". */
export function apiValue(field: FieldSpec, value: unknown): unknown {
  switch (field.type) {
    case 'text':
    case 'long_text': {
      const s = typeof value === 'string' ? value.trim() : '';
      return s === '' ? null : s;
    }
    case 'date':
      if (isDayjs(value)) return value.isValid() ? value.format('YYYY-MM-DD') : null;
      return typeof value === 'string' && dayOf(value) ? value : null;
    case 'datetime':
      if (isDayjs(value)) return value.isValid() ? vnIso(value) : null;
      return typeof value === 'string' && value ? value : null;
    case 'reference':
      // a record id, as the API gave it ("42", or 42 from an older server)
      if (typeof value === 'number') return Number.isFinite(value) ? value : null;
      return typeof value === 'string' && /^\d+$/.test(value) ? value : null;
    case 'count':
    case 'year': {
      if (value === null || value === undefined || value === '') return null;
      const n = typeof value === 'number' ? value : Number(String(value).replace(/\./g, ''));
      return Number.isFinite(n) ? Math.trunc(n) : null;
    }
    case 'boolean':
      return typeof value === 'boolean' ? value : null;
    case 'code':
    case 'choice':
      return typeof value === 'string' && value ? value : null;
    case 'codes':
      return Array.isArray(value) ? [...new Set(value.filter((x): x is string => typeof x === 'string' && !!x))] : [];
    case 'people':
      return Array.isArray(value) ? value.map(personOf).filter((p): p is Person => p !== null) : [];
    case 'items':
      return Array.isArray(value) ? value.map((v) => itemOf(field, v)).filter((x): x is Item => x !== null) : [];
  }
}

/** One item of an `items` field (a milestone): strings trimmed, dates as YYYY-MM-DD, empty keys left out. */
export type Item = Record<string, string>;

const isDateKey = (key: string) => key.endsWith('_on');

function itemOf(field: FieldSpec, v: unknown): Item | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const item: Item = {};
  for (const key of field.itemFields ?? []) {
    const raw = o[key];
    let value: string | null = null;
    if (isDateKey(key)) {
      if (isDayjs(raw)) value = raw.isValid() ? raw.format('YYYY-MM-DD') : null;
      else if (typeof raw === 'string' && dayOf(raw)) value = raw;
    } else if (typeof raw === 'string' && raw.trim()) {
      value = raw.trim();
    }
    if (value !== null) item[key] = value;
  }
  return Object.keys(item).length ? item : null; // an empty row of the editor
}

function personOf(v: unknown): Person | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  const name = typeof o.name === 'string' ? o.name.trim() : '';
  const address = typeof o.address === 'string' ? o.address.trim() : '';
  const year = o.birth_year === null || o.birth_year === undefined || o.birth_year === '' ? NaN : Number(o.birth_year);
  if (!name && !address && Number.isNaN(year)) return null; // an empty row of the editor
  const p: Person = { name };
  if (Number.isFinite(year)) p.birth_year = Math.trunc(year);
  if (address) p.address = address;
  return p;
}

/** The form value of one API value. */
export function formValue(field: FieldSpec, value: unknown): unknown {
  switch (field.type) {
    case 'date':
      return dayOf(value);
    case 'datetime':
      return vnWallClock(value);
    case 'codes':
      return Array.isArray(value) ? value.filter((x) => typeof x === 'string') : [];
    case 'people':
      return Array.isArray(value)
        ? value.map((p: Record<string, unknown>) => ({
            name: p.name ?? '',
            birth_year: p.birth_year ?? null,
            address: p.address ?? '',
          }))
        : [];
    case 'items':
      return Array.isArray(value)
        ? value.map((it: Record<string, unknown>) =>
            Object.fromEntries(
              (field.itemFields ?? []).map((k) => [k, isDateKey(k) ? dayOf(it?.[k]) : typeof it?.[k] === 'string' ? it[k] : '']),
            ),
          )
        : [];
    case 'text':
    case 'long_text':
      return typeof value === 'string' ? value : '';
    default:
      return value === null ? undefined : value;
  }
}

/**
 * Whether the form shows this field for this record: sealed fields only when the record carries
 * the identity (a new record, or a detail answered with `identity_visible: true`); a field the page
 * changes elsewhere (a status with its date) not in an edit.
 */
export function shownInForm(cfg: RegisterConfig, field: FieldSpec, record?: RegisterRecord | null): boolean {
  if (!record) return true;
  if (cfg.editElsewhere?.includes(field.name)) return false;
  if (field.sealed && !identityVisible(record)) return false;
  return true;
}

/** True when a record's detail carries its sealed fields. */
export function identityVisible(record: RegisterRecord): boolean {
  return record.identity_visible !== false;
}

export interface NewFormOptions {
  unit?: string | null;
  /** Today in Vietnam (YYYY-MM-DD); tests pass a fixed day. */
  today?: string;
}

/**
 * The values of a new record's form: the unit, the choices' defaults, today in the register's
 * date (and the current year in a year field), an empty party line for the people lists.
 */
export function newFormValues(cfg: RegisterConfig, { unit = null, today = todayVN() }: NewFormOptions = {}): FormValues {
  const v: FormValues = { unit };
  for (const f of cfg.fields) {
    if (f.type === 'choice' && f.defaultChoice) v[f.name] = f.defaultChoice;
    else if (f.type === 'codes' || f.type === 'items') v[f.name] = [];
    else if (f.type === 'people') v[f.name] = [{ name: '', birth_year: null, address: '' }];
    else if (f.type === 'year' && f.required) v[f.name] = Number(today.slice(0, 4));
    else if (f.name === cfg.dateField && f.type === 'date') v[f.name] = dayOf(today);
  }
  return v;
}

/** The form values of a stored record. */
export function recordFormValues(cfg: RegisterConfig, record: RegisterRecord): FormValues {
  const v: FormValues = { unit: record.unit?.code ?? null };
  for (const f of cfg.fields) {
    // a list carries the sealed parties' number only; the detail carries the parties
    if (f.type === 'people' && !(f.name in record)) continue;
    // sealed fields the caller may not see, and fields changed elsewhere, stay out of the form
    if (!shownInForm(cfg, f, record)) continue;
    v[f.name] = formValue(f, record[f.name]);
  }
  return v;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The stored record's value in the API's own form (the same normalisation as the form's). */
function storedValue(field: FieldSpec, value: unknown): unknown {
  if (field.type === 'datetime') {
    const t = typeof value === 'string' ? Date.parse(value) : NaN;
    return Number.isNaN(t) ? null : t;
  }
  return apiValue(field, formValue(field, value));
}

/**
 * The body to send. Without `initial`: a create with the unit and every field that has a value.
 * With `initial` (the stored record): only the changed fields, `null` for an emptied optional
 * one, `[]` for an emptied list, 0 for an emptied count; null when nothing changed.
 */
export function formToPayload(cfg: RegisterConfig, values: FormValues, initial?: RegisterRecord): RegisterPayload | null {
  const body: RegisterPayload = {};
  const unit = typeof values.unit === 'string' && values.unit ? values.unit : null;
  if (!initial) {
    if (unit) body.unit = unit;
  } else if (unit && unit !== initial.unit?.code) {
    body.unit = unit;
  }
  for (const f of cfg.fields) {
    if (!(f.name in values)) continue;
    const v = apiValue(f, values[f.name]);
    if (!initial) {
      if (v === null || (Array.isArray(v) && v.length === 0)) continue;
      body[f.name] = v;
      continue;
    }
    if (f.sealed && !(f.name in initial)) {
      // the identity was not shown: send what was typed in, never an emptying null
      if (v !== null) body[f.name] = v;
      continue;
    }
    if (f.type === 'people' && !(f.name in initial)) {
      // the parties were not loaded (a list row): send them only when some were typed in
      if (Array.isArray(v) && v.length > 0) body[f.name] = v;
      continue;
    }
    const before = storedValue(f, initial[f.name]);
    const now = f.type === 'datetime' && typeof v === 'string' ? Date.parse(v) : v;
    if (same(before, now)) continue;
    if (v === null) body[f.name] = f.type === 'count' ? 0 : null;
    else body[f.name] = v;
  }
  if (initial && Object.keys(body).length === 0) return null;
  return body;
}

/** The list's query: the unit subtree, the date range, search, filters and paging. */
export function listQuery(
  cfg: RegisterConfig,
  filters: Record<string, string>,
  unit: string | null,
  page?: number,
  perPage?: number,
): RegisterQuery {
  const q: RegisterQuery = {};
  if (unit) q.unit = unit;
  if (cfg.dateField) {
    if (filters.from) q.from = filters.from;
    if (filters.to) q.to = filters.to;
  }
  if (filters.q) q.q = filters.q;
  for (const f of cfg.fields) if (f.filter && filters[f.name]) q[f.name] = filters[f.name];
  if (page) q.page = page;
  if (perPage) q.per_page = perPage;
  return q;
}

/** The URL parameters a register's list keeps: search, dates and its filterable fields. */
export function filterKeys(cfg: RegisterConfig): string[] {
  return ['q', ...(cfg.dateField ? ['from', 'to'] : []), ...cfg.fields.filter((f) => f.filter).map((f) => f.name)];
}

/**
 * The server names fields by their API names ("Trường 'date' không thể là ngày trong tương lai.");
 * next to the form the officer reads the field's label instead ("Trường “Ngày” …").
 */
export function readableMessage(cfg: RegisterConfig, message: string, label: (f: FieldSpec) => string): string {
  return message.replace(/'([a-z_]+)(?:\.([a-z_]+))?'/g, (whole, name: string) => {
    if (name === 'unit') return '“Đơn vị”';
    const f = fieldOfRegister(cfg, name);
    return f ? `“${label(f)}”` : whole;
  });
}

/**
 * The body of the exact identity search (reintegration): the name and/or the ID number typed in,
 * trimmed (the ID number's spaces and dots dropped: the server compares digits), the chosen unit;
 * null when nothing was typed.
 */
export function identitySearchBody(
  values: { name?: string; id_number?: string },
  unit: string | null,
): { name?: string; id_number?: string; unit?: string } | null {
  const name = (values.name ?? '').replace(/\s+/g, ' ').trim();
  const id = (values.id_number ?? '').replace(/[\s.-]/g, '');
  if (!name && !id) return null;
  return { ...(name ? { name } : {}), ...(id ? { id_number: id } : {}), ...(unit ? { unit } : {}) };
}

/** A milestone list's progress: how many are done, how many are late (due before today, not done). */
export function milestoneSummary(value: unknown, today: string = todayVN()): { done: number; total: number; late: number } {
  const list = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
  let done = 0;
  let late = 0;
  for (const m of list) {
    if (typeof m?.done_on === 'string' && m.done_on) done++;
    else if (typeof m?.due_on === 'string' && m.due_on < today) late++;
  }
  return { done, total: list.length, late };
}

/**
 * The sealed fields of a reveal's answer. The contract says "the sealed fields in clear": read
 * them at the top level, or inside `fields`/`identity`/`person`/`record` when the server nests them.
 */
export function revealedFields(cfg: RegisterConfig, answer: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof answer !== 'object' || answer === null) return out;
  const top = answer as Record<string, unknown>;
  const nested = ['fields', 'identity', 'person', 'record'].map((k) => top[k]).find((v) => typeof v === 'object' && v !== null) as
    Record<string, unknown> | undefined;
  for (const f of cfg.fields) {
    if (!f.sealed) continue;
    if (f.name in top) out[f.name] = top[f.name];
    else if (nested && f.name in nested) out[f.name] = nested[f.name];
  }
  return out;
}
