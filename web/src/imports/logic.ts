/**
 * The pure parts of "Nhập dữ liệu từ Excel" (issue 14): addresses, the upload's query, the checks
 * made before a file is sent, the column mapping the person corrects, and the batch statuses.
 */
import { fileSlug } from '../lib/files';
import { pick, type Label } from '../registers/config';
import type { ImportTarget } from './targets';

/** The page of an import target: /nhap-du-lieu/<slug> (targets.ts). */
export const IMPORTS_PATH = '/nhap-du-lieu';
export const importPath = (t: ImportTarget) => `${IMPORTS_PATH}/${t.slug}`;

/** The slug of an import page's address (/nhap-du-lieu/reintegration-sessions), or undefined. */
export const importSlugOf = (pathname: string): string | undefined => /^\/nhap-du-lieu\/([a-z][a-z_-]*)$/.exec(pathname)?.[1];

/** The batch shown (its progress, its result) lives in the address: ?import=12. */
export const IMPORT_PARAM = 'import';
export const parseImportParam = (value: string | null): string | null => (value && /^\d{1,18}$/.test(value) ? value : null);

/** The server refuses bigger files (413); they are refused here before a byte is sent. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;

export type SheetFormat = 'csv' | 'xlsx';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_TYPE = 'text/csv';

/** The format by the file's extension (a browser may call a CSV "application/vnd.ms-excel"). */
export function formatOfFile(name: string): SheetFormat | null {
  const ext = /\.([a-z]+)$/.exec(name.toLowerCase())?.[1];
  return ext === 'csv' || ext === 'xlsx' ? ext : null;
}

export const contentTypeOf = (format: SheetFormat) => (format === 'xlsx' ? XLSX_TYPE : CSV_TYPE);

export type FileProblem = 'tooLarge' | 'badType' | 'empty';

/** What keeps a chosen file from being sent, or null. */
export function fileProblem(file: { name: string; size: number }): FileProblem | null {
  if (!formatOfFile(file.name)) return 'badType';
  if (file.size > IMPORT_MAX_BYTES) return 'tooLarge';
  if (file.size === 0) return 'empty';
  return null;
}

/** The target as the imports API names it ("reintegration/people", "reintegration/sessions"). */
export const importRegister = (t: ImportTarget) => t.name;

/** The target in a file name: "reintegration/sessions" → "reintegration-sessions". */
export const templateStem = (t: ImportTarget) => t.name.replace(/\//g, '-');

export const templateUrl = (t: ImportTarget, format: SheetFormat) => `/api/v1/imports/templates/${templateStem(t)}.${format}`;

/** The template saved as "mau-nhap_so-hoat-dong.xlsx", "mau-nhap_luot-giup-do-nguoi-tai-hoa-nhap.csv". */
export const templateFileName = (t: ImportTarget, format: SheetFormat) => `mau-nhap_${fileSlug(t.fileTitle)}.${format}`;

/** The rules of a good sheet shown with the template; the unit's only when the target's rows have one (not a session, not a member). */
export function templateRules(t: ImportTarget, texts: { rules: readonly string[]; unitRule: string }): readonly string[] {
  if (!t.hasUnit) return texts.rules;
  return [...texts.rules.slice(0, 4), texts.unitRule, ...texts.rules.slice(4)];
}

/** The failed rows of "hoat-dong 2024.csv" saved as "hoat-dong-2024_dong-loi.csv". */
export function failedRowsFileName(fileName: string, format: string): string {
  const dot = fileName.lastIndexOf('.');
  const stem = fileSlug(dot >= 0 ? fileName.slice(0, dot) : fileName) || 'nhap-du-lieu';
  return `${stem}_dong-loi.${format === 'xlsx' ? 'xlsx' : 'csv'}`;
}

/** Sheet headers and the field each one feeds (null: ignored), as the person chose them. */
export type MappingChoice = Record<string, string | null>;

/** One sheet column as the dry run read it. */
export interface MappingEntry {
  column: string;
  header: string;
  field: string | null;
  label?: string | null;
}

export interface UploadOptions {
  register: string;
  fileName: string;
  dryRun: boolean;
  /** XLSX: the sheet to read (empty: the first). */
  sheet?: string;
  /** Sent only when the person changed the mapping. */
  mapping?: MappingChoice | null;
}

/** The query of POST /api/v1/imports. */
export function uploadQuery(o: UploadOptions): Record<string, string> {
  const q: Record<string, string> = { register: o.register };
  if (o.dryRun) q.dry_run = 'true';
  q.file_name = o.fileName;
  const sheet = o.sheet?.trim();
  if (sheet) q.sheet = sheet;
  if (o.mapping) q.mapping = JSON.stringify(o.mapping);
  return q;
}

/** The mapping shown: what the server read, with the person's choices over it. */
export function currentMapping(entries: readonly MappingEntry[], choice: MappingChoice | null): MappingChoice {
  const out: MappingChoice = {};
  for (const e of entries) {
    if (!e.header.trim()) continue;
    out[e.header] = choice && Object.prototype.hasOwnProperty.call(choice, e.header) ? (choice[e.header] ?? null) : e.field;
  }
  return out;
}

/** The mapping after `header` is set to `field`: another column feeding that field is ignored from then on. */
export function chooseField(
  entries: readonly MappingEntry[],
  choice: MappingChoice | null,
  header: string,
  field: string | null,
): MappingChoice {
  const next = currentMapping(entries, choice);
  if (field) for (const h of Object.keys(next)) if (h !== header && next[h] === field) next[h] = null;
  next[header] = field;
  return next;
}

/** The columns a register's sheet has besides its fields (server: imports/columns.cpp); the other targets have the unit or neither. */
const ID_COLUMN = { value: 'id', label: { vi: 'Mã bản ghi', en: 'Record id' } as Label };
const UNIT_COLUMN = { value: 'unit', label: { vi: 'Đơn vị', en: 'Unit' } as Label };

/** A column the target takes, as the dry run names it (`columns`, `missing_columns`); the label is Vietnamese. */
export interface ImportColumn {
  field: string;
  label: string;
  required?: boolean;
}

/** What the mapping is built from: the dry run's answer. */
export interface MappingAnswer {
  mapping: readonly MappingEntry[];
  columns?: readonly ImportColumn[] | null;
  missing_columns?: readonly ImportColumn[] | null;
}

export interface FieldOption {
  value: string;
  label: string;
}

/** The columns the page knows by name in both languages: the id, the unit (as the target has them), its fields. */
const knownColumns = (t: ImportTarget) => [...(t.updates ? [ID_COLUMN] : []), ...(t.hasUnit ? [UNIT_COLUMN] : []), ...t.knownFields];

/**
 * A column's name in the language shown: the server's (Vietnamese, as the template's header reads)
 * unless English is shown and the page knows the field's English name.
 */
export function columnLabel(t: ImportTarget, field: string, serverLabel: string | null | undefined, language?: string): string {
  const known = knownColumns(t).find((c) => c.value === field);
  if (known && (language === 'en' || !serverLabel)) return pick(known.label, language);
  return serverLabel || field;
}

/**
 * What a sheet column may feed: the server's `columns` when its answer has them (so the page offers
 * exactly what the server takes, lists of people included), else what the page knows; and any field
 * the mapping names that is not among them.
 */
export function fieldOptions(t: ImportTarget, answer: MappingAnswer, language?: string): FieldOption[] {
  const out: FieldOption[] = answer.columns?.length
    ? answer.columns.map((c) => ({ value: c.field, label: columnLabel(t, c.field, c.label, language) }))
    : knownColumns(t).map((c) => ({ value: c.value, label: pick(c.label, language) }));
  for (const e of answer.mapping) {
    if (e.field && !out.some((o) => o.value === e.field)) out.push({ value: e.field, label: columnLabel(t, e.field, e.label, language) });
  }
  return out;
}

/** The required columns no sheet column feeds (the dry run checked no row), named in the language shown. */
export function missingColumns(t: ImportTarget, answer: MappingAnswer, language?: string): FieldOption[] {
  return (answer.missing_columns ?? []).map((c) => ({ value: c.field, label: columnLabel(t, c.field, c.label, language) }));
}

/** The run may start: the check is current, no required column is missing, and some row is to be written. */
export const canRun = (answer: MappingAnswer & { create: number; update: number }, stale: boolean) =>
  !stale && !answer.missing_columns?.length && rowsToWrite(answer) > 0;

export const BATCH_STATUSES = ['queued', 'running', 'done', 'failed', 'undone'] as const;
export type BatchStatus = (typeof BATCH_STATUSES)[number];

/** The i18n key of a status's Vietnamese (or English) name. */
export const statusKey = (status: string) =>
  (BATCH_STATUSES as readonly string[]).includes(status) ? `imports.status.${status}` : 'imports.status.unknown';

export const STATUS_COLORS: Record<string, string> = {
  queued: 'default',
  running: 'processing',
  done: 'success',
  failed: 'error',
  undone: 'warning',
};

/** Still moving: the page asks again every POLL_MS. */
export const isActive = (status: string | undefined) => status === 'queued' || status === 'running';
export const POLL_MS = 1000;

/** Whole percent of the rows processed (100 once finished). */
export function progressPercent(b: { rows: number; processed: number; status: string }): number {
  if (!isActive(b.status)) return 100;
  if (b.rows <= 0) return 0;
  return Math.min(100, Math.floor((b.processed * 100) / b.rows));
}

/** The rows a run will write (the "Nhập N dòng" button). */
export const rowsToWrite = (d: { create: number; update: number }) => d.create + d.update;
