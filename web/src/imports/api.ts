/** Calls of /api/v1/imports (issue 14): the dry run and the run of an upload, a batch, its undo, past imports. */
import { queryKeys } from '../api';
import { getJson, request } from '../api/client';
import { registerKeys } from '../registers/api';
import { contentTypeOf, formatOfFile, uploadQuery, type ImportColumn, type MappingEntry, type UploadOptions } from './logic';
import type { ImportTarget } from './targets';

/** A refused row: `row` is the sheet's own row number, `column` its header. */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

export interface DryRun {
  register: string;
  format: string;
  rows: number;
  create: number;
  update: number;
  unchanged: number;
  refused: number;
  errors: RowError[];
  errors_truncated?: boolean;
  mapping: MappingEntry[];
  /** Every column the target takes: what a sheet column may be mapped to. */
  columns?: ImportColumn[];
  /** Required columns no sheet column feeds: then no row was checked (the counts are 0 but `rows`). */
  missing_columns?: ImportColumn[];
}

export interface KeptRecord {
  id: string;
  reason: string;
}

/** One import (a "batch"); `errors` and `undo_kept` only in GET /api/v1/imports/{id}. */
export interface Batch {
  id: string;
  register: string;
  file_name: string;
  format: string;
  username: string;
  status: string;
  rows: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  refused: number;
  message: string;
  created_at: string | null;
  started_at: string | null;
  finished_at: string | null;
  undone_at: string | null;
  errors?: RowError[];
  undo_kept?: KeptRecord[];
}

export interface UndoResult {
  id: string;
  status: string;
  removed: number;
  kept: KeptRecord[];
}

/** The file as the raw body, typed by its extension (a browser may call a CSV "application/vnd.ms-excel"). */
function body(file: File): Blob {
  const format = formatOfFile(file.name);
  return format ? file.slice(0, file.size, contentTypeOf(format)) : file;
}

const upload = <T>(file: File, o: Omit<UploadOptions, 'fileName'>) =>
  request<T>('POST', '/api/v1/imports', { query: uploadQuery({ ...o, fileName: file.name }), file: body(file) });

/** Reads and checks the whole file without writing anything. */
export const dryRunImport = (file: File, o: Omit<UploadOptions, 'fileName' | 'dryRun'>) => upload<DryRun>(file, { ...o, dryRun: true });

/** Queues the import: 202 {id}. */
export const startImport = (file: File, o: Omit<UploadOptions, 'fileName' | 'dryRun'>) =>
  upload<{ id: string }>(file, { ...o, dryRun: false });

const one = (id: string) => `/api/v1/imports/${encodeURIComponent(id)}`;

export const getBatch = (id: string, signal?: AbortSignal) => getJson<Batch>(one(id), undefined, signal);
export const listBatches = (register: string, signal?: AbortSignal) => getJson<{ items: Batch[] }>('/api/v1/imports', { register }, signal);
export const undoImport = (id: string) => request<UndoResult>('DELETE', one(id));
/** The refused rows in the uploaded format, with the column "Lỗi cần sửa". */
export const failedRowsUrl = (id: string) => `${one(id)}/failed-rows`;

/** Staff data: dropped on logout with everything under ['staff']. */
export const importKeys = {
  all: ['staff', 'imports'] as const,
  list: (register: string) => ['staff', 'imports', 'list', register] as const,
  batch: (id: string) => ['staff', 'imports', 'batch', id] as const,
};

/** What an import of `t` changes, asked again when it ends or is undone: its register's lists (with the sessions, members, replications under them) or the tips. */
export const importedDataKey = (t: ImportTarget) =>
  t.owner === 'tips' ? ([...queryKeys.staff, 'tips'] as const) : registerKeys.all(t.owner);
