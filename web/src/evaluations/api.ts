/** Calls of the yearly "An toàn về an ninh, trật tự" evaluation (docs/api/evaluations.md). */
import { getJson, patchJson, postJson, request, uploadFile } from '../api/client';
import type { Page } from '../api/types';

export type Id = string | number;
export type TargetKind = 'residential_area' | 'commune' | 'agency' | 'enterprise' | 'school';
export const TARGET_KINDS: readonly TargetKind[] = ['residential_area', 'commune', 'agency', 'enterprise', 'school'];
export type EvaluationStatus = 'draft' | 'submitted' | 'returned' | 'approved';
export const EVALUATION_STATUSES: readonly EvaluationStatus[] = ['draft', 'submitted', 'returned', 'approved'];
export type EvaluationResult = 'passed' | 'not_passed' | null;

export interface UnitBrief {
  code: string;
  name: string;
  kind?: string;
  subkind?: string | null;
}

export interface Criterion {
  code: string;
  text: string;
  confirmed: boolean;
  /** The rule that computes it ("subunits"); "" (or false) for a criterion the officer answers. */
  auto: string | boolean;
}

export interface CriteriaSet {
  id: Id;
  code: string;
  version: number;
  target_kind: TargetKind | string;
  title: string;
  basis?: string | null;
  optional: boolean;
  criteria: Criterion[];
  created_at?: string;
  created_by?: string | null;
}

export interface Attachment {
  id: Id;
  name?: string | null;
  filename?: string | null;
  kind?: string | null;
  content_type?: string | null;
  size?: number | null;
}

export interface CriterionAnswer extends Criterion {
  met: boolean | null;
  evidence: string | null;
  attachments: Attachment[];
}

export interface Rule {
  code: string;
  label: string;
  met: boolean | null;
  detail?: string | null;
}

export interface HistoryEntry {
  at: string;
  by: string;
  action: string;
  comment?: string | null;
}

export interface Evaluation {
  id: Id;
  unit: UnitBrief;
  target_kind: TargetKind | string;
  year: number;
  window: { from: string; to: string };
  criteria_set: { id: Id; code: string; version: number; title: string; optional: boolean };
  criteria: CriterionAnswer[];
  rules: Rule[];
  progress: { answered: number; total: number };
  result: EvaluationResult;
  status: EvaluationStatus;
  evaluated_on: string | null;
  notes: string | null;
  approver_unit: { code: string; name: string } | null;
  submitted_by: string | null;
  decided_by: string | null;
  history: HistoryEntry[];
  certificate: { number: string; date: string } | null;
}

/** A row of the list: the detail's head (the list may leave out criteria, rules and history). */
export type EvaluationRow = Pick<Evaluation, 'id' | 'unit' | 'target_kind' | 'year' | 'status' | 'result'> &
  Partial<Omit<Evaluation, 'id' | 'unit' | 'target_kind' | 'year' | 'status' | 'result'>>;

export interface PendingUnit {
  unit: UnitBrief;
  target_kind: TargetKind | string;
  registered: boolean;
  evaluation: { id: Id; status: EvaluationStatus; result: EvaluationResult } | null;
}

export interface Registration {
  id: Id;
  unit: UnitBrief | string;
  year: number;
  registered_on: string;
  households_total: number | null;
  households_registered: number | null;
}

export type EvaluationQuery = Record<string, string | number | undefined>;

const BASE = '/api/v1/evaluations';
const enc = (id: Id) => encodeURIComponent(String(id));

export const listEvaluations = (query: EvaluationQuery, signal?: AbortSignal) => getJson<Page<EvaluationRow>>(BASE, query, signal);
export const getEvaluation = (id: Id, signal?: AbortSignal) => getJson<Evaluation>(`${BASE}/${enc(id)}`, undefined, signal);
export const createEvaluation = (body: { unit: string; year: number; criteria_set?: string; evaluated_on?: string; notes?: string }) =>
  postJson<Evaluation>(BASE, body);
export const updateEvaluation = (id: Id, body: EvaluationPatch) => patchJson<Evaluation>(`${BASE}/${enc(id)}`, body);
export const deleteEvaluation = (id: Id) => request<void>('DELETE', `${BASE}/${enc(id)}`);
export const submitEvaluation = (id: Id) => postJson<Evaluation>(`${BASE}/${enc(id)}/submit`, {});
export const returnEvaluation = (id: Id, comment: string) => postJson<Evaluation>(`${BASE}/${enc(id)}/return`, { comment });
export const approveEvaluation = (id: Id, comment?: string) =>
  postJson<Evaluation>(`${BASE}/${enc(id)}/approve`, comment ? { comment } : {});
export const certificateUrl = (id: Id) => `${BASE}/${enc(id)}/certificate`;
export const attachmentUrl = (id: Id, aid: Id) => `${BASE}/${enc(id)}/attachments/${enc(aid)}`;

export const listPending = (query: { unit?: string; year?: number }, signal?: AbortSignal) =>
  getJson<{ items: PendingUnit[] }>(`${BASE}/pending`, query, signal);

export const listRegistrations = (query: { unit?: string; year?: number }, signal?: AbortSignal) =>
  getJson<{ items: Registration[] }>(`${BASE}/registrations`, query, signal);
export const createRegistration = (body: RegistrationBody) => postJson<Registration>(`${BASE}/registrations`, body);
export const updateRegistration = (id: Id, body: Partial<RegistrationBody>) =>
  patchJson<Registration>(`${BASE}/registrations/${enc(id)}`, body);

export interface RegistrationBody {
  unit: string;
  year: number;
  registered_on: string;
  households_total?: number;
  households_registered?: number;
}

export const listCriteriaSets = (query: { target_kind?: string; all?: boolean }, signal?: AbortSignal) =>
  getJson<{ items: CriteriaSet[] }>(
    '/api/v1/evaluation-criteria',
    { target_kind: query.target_kind, all: query.all ? 'true' : undefined },
    signal,
  );
export const createCriteriaSet = (body: {
  code: string;
  target_kind: string;
  title: string;
  basis?: string;
  optional?: boolean;
  criteria: { code: string; text: string; confirmed?: boolean; auto?: string | boolean }[];
}) => postJson<CriteriaSet>('/api/v1/evaluation-criteria', body);

export interface EvaluationPatch {
  results?: Record<string, { met: boolean | null; evidence: string }>;
  evaluated_on?: string | null;
  notes?: string | null;
}

/** Uploads one file as the evidence of a criterion (raw body, through the shared session and CSRF handling). */
export const uploadAttachment = (id: Id, criterion: string, file: File) =>
  uploadFile<unknown>(`${BASE}/${enc(id)}/attachments`, file, { criterion });

export const evaluationKeys = {
  all: ['staff', 'evaluations'] as const,
  list: (q: EvaluationQuery) => ['staff', 'evaluations', 'list', q] as const,
  detail: (id: Id) => ['staff', 'evaluations', 'detail', String(id)] as const,
  pending: (q: object) => ['staff', 'evaluations', 'pending', q] as const,
  registrations: (q: object) => ['staff', 'evaluations', 'registrations', q] as const,
  criteria: (q: object) => ['staff', 'evaluations', 'criteria', q] as const,
};
