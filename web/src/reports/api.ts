/** Calls of the reports API (docs/api/reports.md). */
import { apiUrl, errorFromResponse, getJson, postJson, request } from '../api/client';
import { ApiError } from '../api/client';
import type { UnitRef } from '../api/types';
import i18n from '../i18n';

/** A summary; its sections are read by path (metrics.ts), so it stays loosely typed. */
export interface Summary {
  unit: UnitRef | null;
  from: string;
  to: string;
  previous?: Summary;
  change?: Record<string, unknown>;
  [section: string]: unknown;
}

export interface SeriesPoint {
  from: string;
  to: string;
  value: number;
}
export interface Series {
  metric: string;
  interval: string;
  points: SeriesPoint[];
}

export interface BreakdownItem {
  key: string;
  label: string;
  value: number;
  unit?: { code: string; name: string; kind: string; has_children: boolean };
}
export interface Breakdown {
  unit: string | null;
  metric: string;
  by: string;
  items: BreakdownItem[];
}

export interface IssuedReport {
  id: string;
  number: string;
  unit: UnitRef | null;
  from: string;
  to: string;
  title: string;
  issued_on: string;
  issued_by: string;
  signer: string;
  /** "Đánh giá chung" and "Phương hướng, nhiệm vụ" as written when issuing (GET /reports/{id} only). */
  assessment?: string;
  direction?: string;
}

export interface ReportQuery {
  unit: string | null;
  from: string;
  to: string;
  compare?: boolean;
}

const base = (q: ReportQuery) => ({ unit: q.unit, from: q.from, to: q.to });

export const getSummary = (q: ReportQuery, signal?: AbortSignal) =>
  getJson<Summary>('/api/v1/reports/summary', { ...base(q), compare: q.compare ? 'previous_year' : undefined }, signal);

export const getTimeseries = (q: ReportQuery, metric: string, interval: string, signal?: AbortSignal) =>
  getJson<Series>('/api/v1/reports/timeseries', { ...base(q), metric, interval }, signal);

export const getBreakdown = (q: ReportQuery, metric: string, by: 'child' | 'organizer' | 'topic' | 'category', signal?: AbortSignal) =>
  getJson<Breakdown>('/api/v1/reports/breakdown', { ...base(q), metric, by }, signal);

/** The summary as a file or a printable page (`format=xlsx|csv|html`), for links. */
export const summaryUrl = (q: ReportQuery, format: 'xlsx' | 'csv' | 'html' | 'docx') =>
  apiUrl('/api/v1/reports/summary', { ...base(q), compare: q.compare ? 'previous_year' : undefined, format });

export const issuedReportUrl = (id: string, format: 'html' | 'xlsx' | 'csv' | 'docx') =>
  apiUrl(`/api/v1/reports/${encodeURIComponent(id)}`, { format });

/** The A4 HTML report as text (shown in an iframe: the server forbids framing its own page). */
export async function fetchHtml(url: string, signal?: AbortSignal): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/html' }, signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', i18n.t('error.network'));
  }
  if (!res.ok) throw await errorFromResponse(res);
  return res.text();
}

export const listIssuedReports = (unit: string | null, signal?: AbortSignal) =>
  getJson<{ items: IssuedReport[] }>('/api/v1/reports', { unit }, signal);

export interface IssueRequest {
  unit: string | null;
  from: string;
  to: string;
  compare?: string;
  title?: string;
  signer?: string;
  number?: string;
  assessment?: string;
  direction?: string;
}

/** Issues the report; the whole country (no unit) sends no `unit`. */
export const issueReport = ({ unit, ...rest }: IssueRequest) => postJson<IssuedReport>('/api/v1/reports', unit ? { unit, ...rest } : rest);

/** The A4 document the same request would issue, not stored (the issue dialog's preview). */
export async function previewReport({ unit, ...rest }: IssueRequest, signal?: AbortSignal): Promise<string> {
  const blob = await request<Blob>('POST', '/api/v1/reports', {
    query: { dry_run: '1', format: 'html' },
    body: unit ? { unit, ...rest } : rest,
    as: 'blob',
    signal,
  });
  return blob.text();
}

export const reportKeys = {
  all: ['staff', 'reports'] as const,
  summary: (q: ReportQuery) => ['staff', 'reports', 'summary', q] as const,
  series: (q: ReportQuery, metric: string, interval: string) => ['staff', 'reports', 'series', q, metric, interval] as const,
  breakdown: (q: ReportQuery, metric: string, by: string) => ['staff', 'reports', 'breakdown', q, metric, by] as const,
  issued: (unit: string | null) => ['staff', 'reports', 'issued', unit] as const,
};
