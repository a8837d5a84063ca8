/** The reform's review queue (server: modules/units/lineage_routes.cpp, docs/api/units.md). */
import { getJson, postJson } from '../../api/client';

export interface QueueUnit {
  code: string;
  name: string;
  full_name: string;
  kind: string;
  dataset: string;
}

export interface Candidate {
  code: string;
  name: string;
  full_name: string;
  /** from the state's table: part | whole | same | district_whole; empty when the table does not name the commune */
  relation: string;
  note: string;
}

export interface QueueItem {
  id: string;
  reform: string;
  unit: QueueUnit;
  /** the split commune the unit belonged to (the unit itself for the commune) */
  from: QueueUnit;
  province: QueueUnit;
  candidates: Candidate[];
  /** records attached to the unit and the units under it */
  records: number;
  assigned_to: string | null;
}

export interface QueuePage {
  items: QueueItem[];
  total: number;
  page: number;
  per_page: number;
}

export const listPending = (page: number, perPage: number, signal?: AbortSignal) =>
  getJson<QueuePage>('/api/v1/units/reform/pending', { page, per_page: perPage }, signal);

export const assignPending = (id: string, successor: string) =>
  postJson<QueueItem>(`/api/v1/units/reform/pending/${encodeURIComponent(id)}/assign`, { successor });

export const reformKeys = {
  pending: (page: number) => ['units', 'reform', 'pending', page] as const,
  all: ['units', 'reform'] as const,
};

/** "Xã Cà Đam (nhập một phần)": a candidate as the select lists it. */
export function candidateLabel(c: Candidate, relationLabel: (relation: string) => string): string {
  return c.relation ? `${c.full_name} (${relationLabel(c.relation)})` : c.full_name;
}
