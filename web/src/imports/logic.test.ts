import { describe, expect, it } from 'vitest';
import { apiUrl } from '../api/client';
import { registersSelectedKey } from '../registers/menu';
import { IMPORTS_I18N } from './i18n';
import {
  BATCH_STATUSES,
  IMPORT_MAX_BYTES,
  canRun,
  chooseField,
  columnLabel,
  contentTypeOf,
  currentMapping,
  failedRowsFileName,
  fieldOptions,
  fileProblem,
  formatOfFile,
  importPath,
  importRegister,
  isActive,
  missingColumns,
  parseImportParam,
  progressPercent,
  rowsToWrite,
  statusKey,
  templateFileName,
  templateStem,
  templateUrl,
  uploadQuery,
  type ImportColumn,
  type MappingEntry,
} from './logic';
import { importTargetBySlug, targetOfRegister } from './targets';

const activities = targetOfRegister('activities');
const people = targetOfRegister('reintegration');

describe('addresses', () => {
  it('names a register by its config name in the page address, and finds it back', () => {
    expect(importPath(activities)).toBe('/nhap-du-lieu/activities');
    expect(importPath(people)).toBe('/nhap-du-lieu/reintegration');
    expect(importTargetBySlug('activities')).toBe(activities);
    expect(importTargetBySlug('reintegration')).toBe(people);
    expect(importTargetBySlug('toString')).toBeUndefined();
    expect(importTargetBySlug('hoat-dong')).toBeUndefined();
    expect(importTargetBySlug(undefined)).toBeUndefined();
  });

  it('writes reintegration/people with a hyphen in template file names, and sends the slash to the API', () => {
    expect(importRegister(people)).toBe('reintegration/people');
    expect(templateStem(people)).toBe('reintegration-people');
    expect(templateUrl(people, 'xlsx')).toBe('/api/v1/imports/templates/reintegration-people.xlsx');
    expect(templateUrl(activities, 'csv')).toBe('/api/v1/imports/templates/activities.csv');
    expect(templateFileName(activities, 'xlsx')).toBe('mau-nhap_so-hoat-dong.xlsx');
  });

  it('names the failed rows after the uploaded file', () => {
    expect(failedRowsFileName('Hoạt động 2024.csv', 'csv')).toBe('hoat-dong-2024_dong-loi.csv');
    expect(failedRowsFileName('so.xlsx', 'xlsx')).toBe('so_dong-loi.xlsx');
    expect(failedRowsFileName('.csv', 'csv')).toBe('nhap-du-lieu_dong-loi.csv');
  });

  it('keeps only a numeric batch id from the address', () => {
    expect(parseImportParam('12')).toBe('12');
    expect(parseImportParam('12a')).toBeNull();
    expect(parseImportParam('')).toBeNull();
    expect(parseImportParam(null)).toBeNull();
  });

  it('lights the register in the menu on its import page', () => {
    expect(registersSelectedKey('/nhap-du-lieu/activities')).toBe('/so/hoat-dong');
    expect(registersSelectedKey('/nhap-du-lieu/reintegration')).toBe('/tai-hoa-nhap');
    expect(registersSelectedKey('/nhap-du-lieu/nothing')).toBeNull();
  });
});

describe('the file before it is sent', () => {
  it('refuses more than 50 MiB, other types and empty files', () => {
    expect(fileProblem({ name: 'a.csv', size: IMPORT_MAX_BYTES })).toBeNull();
    expect(fileProblem({ name: 'a.csv', size: IMPORT_MAX_BYTES + 1 })).toBe('tooLarge');
    expect(fileProblem({ name: 'A.XLSX', size: 10 })).toBeNull();
    expect(fileProblem({ name: 'a.xls', size: 10 })).toBe('badType');
    expect(fileProblem({ name: 'csv', size: 10 })).toBe('badType');
    expect(fileProblem({ name: 'a.csv', size: 0 })).toBe('empty');
    expect(IMPORTS_I18N.vi.upload.tooLarge).toMatch(/^Tệp lớn hơn 50 MiB/);
  });

  it('types the body by the extension', () => {
    expect(formatOfFile('so.CSV')).toBe('csv');
    expect(contentTypeOf('csv')).toBe('text/csv');
    expect(contentTypeOf(formatOfFile('so.xlsx') ?? 'csv')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });
});

describe('the upload query', () => {
  it('asks a dry run with the file name, and leaves out an empty sheet and an unchanged mapping', () => {
    const q = uploadQuery({ register: 'activities', fileName: 'hoạt động.csv', dryRun: true, sheet: '  ' });
    expect(q).toEqual({ register: 'activities', dry_run: 'true', file_name: 'hoạt động.csv' });
    expect(apiUrl('/api/v1/imports', q)).toBe(
      '/api/v1/imports?register=activities&dry_run=true&file_name=ho%E1%BA%A1t+%C4%91%E1%BB%99ng.csv',
    );
  });

  it('sends the sheet and the mapping as URL-encoded JSON; the run has no dry_run', () => {
    const q = uploadQuery({
      register: 'reintegration/people',
      fileName: 'a.xlsx',
      dryRun: false,
      sheet: ' Năm 2024 ',
      mapping: { Ngày: 'date', 'Ghi chú riêng': null },
    });
    expect(q.dry_run).toBeUndefined();
    expect(q.sheet).toBe('Năm 2024');
    expect(JSON.parse(String(q.mapping))).toEqual({ Ngày: 'date', 'Ghi chú riêng': null });
    const url = new URL(apiUrl('/api/v1/imports', q), 'http://x');
    expect(url.searchParams.get('register')).toBe('reintegration/people');
    expect(url.searchParams.get('mapping')).toBe('{"Ngày":"date","Ghi chú riêng":null}');
    expect(url.search).not.toContain('{');
  });
});

describe('the column mapping', () => {
  const entries: MappingEntry[] = [
    { column: 'A', header: 'Đơn vị', field: 'unit', label: 'Đơn vị' },
    { column: 'B', header: 'Ngày', field: 'date', label: 'Ngày' },
    { column: 'C', header: 'Ngày tổ chức', field: null },
    { column: 'D', header: '', field: null },
  ];

  it('shows what the server matched, with the choices over it', () => {
    expect(currentMapping(entries, null)).toEqual({ 'Đơn vị': 'unit', Ngày: 'date', 'Ngày tổ chức': null });
    expect(currentMapping(entries, { Ngày: null })).toEqual({ 'Đơn vị': 'unit', Ngày: null, 'Ngày tổ chức': null });
  });

  it('moves a field to another column: the column that fed it is ignored', () => {
    expect(chooseField(entries, null, 'Ngày tổ chức', 'date')).toEqual({ 'Đơn vị': 'unit', Ngày: null, 'Ngày tổ chức': 'date' });
    expect(chooseField(entries, null, 'Đơn vị', null)).toEqual({ 'Đơn vị': null, Ngày: 'date', 'Ngày tổ chức': null });
  });

  it('offers what the server takes when its answer lists it, lists of people included', () => {
    const mediations = targetOfRegister('mediations');
    const columns: ImportColumn[] = [
      { field: 'id', label: 'Mã bản ghi', required: false },
      { field: 'unit', label: 'Đơn vị', required: true },
      { field: 'dispute_type', label: 'Loại tranh chấp', required: true },
      { field: 'parties', label: 'Các bên', required: true },
      { field: 'new_field', label: 'Trường mới', required: false },
    ];
    const options = fieldOptions(mediations, { mapping: [], columns });
    expect(options).toEqual([
      { value: 'id', label: 'Mã bản ghi' },
      { value: 'unit', label: 'Đơn vị' },
      { value: 'dispute_type', label: 'Loại tranh chấp' },
      { value: 'parties', label: 'Các bên' },
      { value: 'new_field', label: 'Trường mới' },
    ]);
    // only what the server takes: a field the page knows but the server does not is not offered
    expect(options.map((o) => o.value)).not.toContain('outcome');
    // in English, the names the page knows; the server's Vietnamese for a field it does not
    expect(fieldOptions(mediations, { mapping: [], columns }, 'en').map((o) => o.label)).toEqual([
      'Record id',
      'Unit',
      mediations.knownFields.find((f) => f.value === 'dispute_type')?.label.en,
      'Parties',
      'Trường mới',
    ]);
  });

  it('falls back to what the page knows when the answer has no columns, plus fields only the server named', () => {
    const values = fieldOptions(activities, { mapping: entries }).map((o) => o.value);
    expect(values.slice(0, 3)).toEqual(['id', 'unit', 'type']);
    expect(values).toContain('notes');
    expect(fieldOptions(targetOfRegister('mediations'), { mapping: [], columns: [] }).map((o) => o.value)).toContain('parties');
    const extra = fieldOptions(activities, { mapping: [{ column: 'E', header: 'X', field: 'import_key', label: 'Khóa nhập' }] });
    expect(extra.at(-1)).toEqual({ value: 'import_key', label: 'Khóa nhập' });
    expect(fieldOptions(activities, { mapping: [] }, 'en').find((o) => o.value === 'date')?.label).toBe('Date');
    expect(columnLabel(activities, 'unknown', null)).toBe('unknown');
    expect(columnLabel(activities, 'date', null)).toBe('Ngày');
  });
});

describe('required columns missing', () => {
  // an activities sheet whose date column is headed "Ngày tổ chức": nothing feeds "Ngày"
  const unitColumn: MappingEntry = { column: 'A', header: 'Đơn vị', field: 'unit', label: 'Đơn vị' };
  const answer = {
    rows: 3,
    create: 0,
    update: 0,
    mapping: [unitColumn, { column: 'B', header: 'Ngày tổ chức', field: null }] as MappingEntry[],
    columns: [
      { field: 'id', label: 'Mã bản ghi', required: false },
      { field: 'unit', label: 'Đơn vị', required: true },
      { field: 'date', label: 'Ngày', required: true },
    ],
    missing_columns: [{ field: 'date', label: 'Ngày' }],
  };

  it('are named in Vietnamese (or in English), and keep the run from starting', () => {
    expect(missingColumns(activities, answer)).toEqual([{ value: 'date', label: 'Ngày' }]);
    expect(missingColumns(activities, answer, 'en')).toEqual([{ value: 'date', label: 'Date' }]);
    expect(canRun(answer, false)).toBe(false);
    // even with rows counted (an answer of another server): nothing runs while a column is missing
    expect(canRun({ ...answer, create: 3 }, false)).toBe(false);
  });

  it('are mapped from a column of the sheet: the check answers with the rows counted, and the run may start', () => {
    const choice = chooseField(answer.mapping, null, 'Ngày tổ chức', 'date');
    expect(choice).toEqual({ 'Đơn vị': 'unit', 'Ngày tổ chức': 'date' });
    const q = uploadQuery({ register: 'activities', fileName: 'a.csv', dryRun: true, mapping: choice });
    expect(JSON.parse(String(q.mapping))).toEqual({ 'Đơn vị': 'unit', 'Ngày tổ chức': 'date' });
    const after = {
      ...answer,
      create: 3,
      mapping: [unitColumn, { column: 'B', header: 'Ngày tổ chức', field: 'date', label: 'Ngày' }],
      missing_columns: [],
    };
    expect(missingColumns(activities, after)).toEqual([]);
    expect(canRun(after, false)).toBe(true);
    // not while the check of the last change is under way or failed
    expect(canRun(after, true)).toBe(false);
    expect(canRun({ ...after, create: 0 }, false)).toBe(false);
    expect(missingColumns(activities, { mapping: [] })).toEqual([]);
  });

  it('are explained in both languages', () => {
    expect(IMPORTS_I18N.vi.missing.title).toBe('Tệp thiếu cột bắt buộc:');
    expect(IMPORTS_I18N.vi.missing.notChecked.replace('{{rows}}', '3')).toBe('Chưa dòng nào trong 3 dòng của tệp được kiểm tra.');
    expect(IMPORTS_I18N.en.missing.blocked).toBe('Map every required column to import.');
  });
});

describe('batch statuses', () => {
  it('are named in Vietnamese', () => {
    const vi = IMPORTS_I18N.vi.status;
    expect(BATCH_STATUSES.map((s) => vi[s])).toEqual(['Đang chờ', 'Đang nhập', 'Xong', 'Lỗi', 'Đã hoàn tác']);
    expect(statusKey('running')).toBe('imports.status.running');
    expect(statusKey('strange')).toBe('imports.status.unknown');
  });

  it('are polled while queued or running, with the share of rows processed', () => {
    expect(isActive('queued') && isActive('running')).toBe(true);
    expect(isActive('done') || isActive('failed') || isActive('undone') || isActive(undefined)).toBe(false);
    expect(progressPercent({ rows: 3, processed: 1, status: 'running' })).toBe(33);
    expect(progressPercent({ rows: 0, processed: 0, status: 'queued' })).toBe(0);
    expect(progressPercent({ rows: 3, processed: 1, status: 'failed' })).toBe(100);
    expect(rowsToWrite({ create: 5, update: 2 })).toBe(7);
  });

  it('have the same texts in both languages', () => {
    const keys = (o: object, p = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && !Array.isArray(v) ? keys(v, `${p}${k}.`) : [`${p}${k}`]));
    expect(keys(IMPORTS_I18N.en)).toEqual(keys(IMPORTS_I18N.vi));
    expect(IMPORTS_I18N.en.template.rules.length).toBe(IMPORTS_I18N.vi.template.rules.length);
  });
});
