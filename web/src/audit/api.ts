/** Staff calls of the audit trail. */
import { getJson } from '../api/client';
import { queryKeys } from '../api';
import type { Page } from '../api/types';

export interface AuditEntry {
  id: string;
  at: string;
  actor: string | null;
  action: string;
  entity: string | null;
  entity_id: string | null;
  unit_code: string | null;
  reason: string | null;
  request_id: string | null;
  details: Record<string, unknown> | null;
}

export interface AuditQuery {
  actor?: string;
  action?: string;
  entity?: string;
  /** YYYY-MM-DD */
  from?: string;
  /** YYYY-MM-DD */
  to?: string;
  page?: number;
  per_page?: number;
}

export interface AuditVerify {
  ok: boolean;
  checked: number;
  first_bad_id: string | null;
  problem: string | null;
}

export const listAudit = (query: AuditQuery, signal?: AbortSignal) => getJson<Page<AuditEntry>>('/api/v1/audit', { ...query }, signal);

export const verifyAudit = (signal?: AbortSignal) => getJson<AuditVerify>('/api/v1/audit/verify', undefined, signal);

export const auditKeys = {
  list: (query: AuditQuery) => [...queryKeys.staff, 'audit', 'list', query] as const,
};
