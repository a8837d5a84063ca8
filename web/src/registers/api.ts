/** Calls of the movement registers (docs/api/registers.md) and of the catalogue. */
import { apiUrl, getJson, patchJson, postJson, request, uploadFile } from '../api/client';
import type { Page } from '../api/types';
import { registerApiPath, type CatalogKind, type RegisterName } from './config';
import { newId } from '../lib/ids';

export interface CatalogItem {
  code: string;
  label: string;
  label_en?: string | null;
  active: boolean;
}

export type Catalog = Record<CatalogKind, CatalogItem[]>;

/** Record ids: strings in the API ("42"); older servers sent JSON numbers. Kept as given. */
export type Id = string | number;

/** A record of any register: its unit, its fields (by the spec) and who entered it when. */
export interface RegisterRecord {
  id: Id;
  unit: { code: string; name: string };
  created_by?: string;
  created_at?: string;
  updated_at?: string;
  [field: string]: unknown;
}

/** What a create or an edit sends: the unit and the register's fields. */
export type RegisterPayload = Record<string, unknown>;

/** List filters as the API reads them. */
export type RegisterQuery = Record<string, string | number | undefined>;

export const getCatalog = (signal?: AbortSignal) => getJson<Catalog>('/api/v1/catalog', undefined, signal);

const base = (name: RegisterName) => `/api/v1/${registerApiPath(name)}`;
const one = (name: RegisterName, id: Id) => `${base(name)}/${encodeURIComponent(String(id))}`;

export const listRecords = (name: RegisterName, query: RegisterQuery, signal?: AbortSignal) =>
  getJson<Page<RegisterRecord>>(base(name), query, signal);
export const getRecord = (name: RegisterName, id: Id, signal?: AbortSignal) => getJson<RegisterRecord>(one(name, id), undefined, signal);
export const createRecord = (name: RegisterName, body: RegisterPayload) => postJson<RegisterRecord>(base(name), body);
/**
 * `version`: the `updated_at` of the record as the editor saw it. The server's ETag is that value
 * in quotes; sent as If-Match, an edit of a record changed since is answered 409 `edit_conflict`.
 * An edit and a deletion carry a key of their own: nginx sends a request with a key to another
 * instance when the first gave no answer, and the server answers that retry with the first answer
 * (an edit is not made twice, nor refused as conflicting with itself).
 */
export const updateRecord = (name: RegisterName, id: Id, body: RegisterPayload, version?: string) =>
  patchJson<RegisterRecord>(one(name, id), body, { idempotencyKey: newId(), ...(version ? { ifMatch: `"${version}"` } : {}) });
export const deleteRecord = (name: RegisterName, id: Id) => request<void>('DELETE', one(name, id), { idempotencyKey: newId() });

// --- photos and videos (registers whose spec has attachments) --------------------------------------

export interface RegisterAttachment {
  id: Id;
  at: string;
  uploaded_by: string;
  /** "image" or "video". */
  kind: string;
  media_type: string;
  size: number;
  location_removed: boolean;
}

export const listAttachments = (name: RegisterName, id: Id, signal?: AbortSignal) =>
  getJson<{ items: RegisterAttachment[] }>(`${one(name, id)}/attachments`, undefined, signal);
/** One photo or video, sent as it is (the server checks the type by content and removes the location). */
export const uploadAttachment = (name: RegisterName, id: Id, file: Blob) =>
  uploadFile<RegisterAttachment>(`${one(name, id)}/attachments`, file);
export const attachmentUrl = (name: RegisterName, id: Id, attachmentId: Id) =>
  `${one(name, id)}/attachments/${encodeURIComponent(String(attachmentId))}`;

/** The download address of the list with the same filters (no paging): CSV or Excel. */
export function exportUrl(name: RegisterName, query: RegisterQuery, format: 'csv' | 'xlsx'): string {
  const { page: _page, per_page: _perPage, ...filters } = query;
  return apiUrl(`${base(name)}/export`, { ...filters, format });
}

/** The printable mediation record book of a village (or commune) for a year. */
export const mediationBookUrl = (unit: string, year: number) => apiUrl('/api/v1/mediations/book', { unit, year });

// --- models: replications ------------------------------------------------------------------------

export interface Replication {
  id: Id;
  unit: { code: string; name: string };
  started_on: string;
  ended_on: string | null;
  created_by?: string;
}

interface Items<T> {
  items: T[];
}

export const listReplications = (id: Id, signal?: AbortSignal) =>
  getJson<Items<Replication>>(`${one('models', id)}/replications`, undefined, signal);
export const replicateModel = (id: Id, body: { unit: string; started_on: string }) =>
  postJson<Items<Replication>>(`${one('models', id)}/replications`, body);
export const endReplication = (id: Id, rid: Id, ended_on: string) =>
  patchJson<Items<Replication>>(`${one('models', id)}/replications/${encodeURIComponent(String(rid))}`, { ended_on });

// --- groups: members, checks, ratings ----------------------------------------------------------

export const MEMBER_ROLES = ['leader', 'deputy', 'member', 'mediator'] as const;
export const RATING_LEVELS = ['excellent', 'good', 'complete', 'incomplete'] as const;

export interface Member {
  id: Id;
  name: string;
  role: string;
  gender: 'female' | 'male' | null;
  birth_year: number | null;
  joined_on: string;
  left_on: string | null;
  /** Yearly ratings of a security team's member: {"2026": "good"}. */
  ratings: Record<string, string>;
}

export interface TeamCheck {
  rule: string;
  ok: boolean;
  message: string;
}

export interface Members {
  items: Member[];
  checks: TeamCheck[];
}

export interface NewMember {
  name: string;
  role?: string;
  gender?: string;
  birth_year?: number;
  joined_on: string;
}

/** Where a group's members are listed and added (the outbox posts there too). */
export const membersPath = (id: Id) => `${one('groups', id)}/members`;
export const listMembers = (id: Id, signal?: AbortSignal) => getJson<Members>(membersPath(id), undefined, signal);
export const updateMember = (id: Id, mid: Id, body: { role?: string; left_on?: string }) =>
  patchJson<Members>(`${one('groups', id)}/members/${encodeURIComponent(String(mid))}`, body);
export const rateMember = (id: Id, mid: Id, body: { year: number; level: string }) =>
  postJson<Members>(`${one('groups', id)}/members/${encodeURIComponent(String(mid))}/ratings`, body);

// --- reintegration: identity, search, status history, sessions -------------------------------

/** A status change: the first entry is the creation. */
export interface StatusChange {
  status: string;
  on: string;
  by: string;
}

export const SESSION_KINDS = ['visit', 'education', 'support'] as const;

/** One "lượt" of help. `helpers` and `notes` are sealed: only with the identity. */
export interface HelpSession {
  id: Id;
  date: string;
  kind: string;
  helpers?: string | null;
  notes?: string | null;
  /** Without the identity: whether sealed helpers or notes exist. */
  has_notes?: boolean;
  created_by?: string;
  created_at?: string;
}

export interface NewHelpSession {
  date: string;
  kind: string;
  helpers?: string;
  notes?: string;
}

/** What the identity search sends: in the body, so the terms never appear in an address or a log. */
export interface IdentitySearch {
  name?: string;
  id_number?: string;
  unit?: string;
}

const person = (id: Id) => one('reintegration', id);

export const searchPeople = (body: IdentitySearch) => postJson<Page<RegisterRecord>>(`${base('reintegration')}/search`, body);
/** The sealed fields in clear, after a stated reason (audited by the server). */
export const revealPerson = (id: Id, reason: string) => postJson<Record<string, unknown>>(`${person(id)}/reveal`, { reason });
export const statusHistory = (id: Id, signal?: AbortSignal) =>
  getJson<Items<StatusChange>>(`${person(id)}/status-history`, undefined, signal);
/** Where a person's sessions of help are listed and added (the outbox posts there too). */
export const sessionsPath = (id: Id) => `${person(id)}/sessions`;
export const listSessions = (id: Id, signal?: AbortSignal) => getJson<Items<HelpSession>>(sessionsPath(id), undefined, signal);
export const deleteSession = (id: Id, sid: Id) => request<void>('DELETE', `${person(id)}/sessions/${encodeURIComponent(String(sid))}`);

/** Query keys: everything but the (public) catalogue is staff data, dropped on logout. */
export const registerKeys = {
  catalog: ['catalog'] as const,
  all: (name: RegisterName) => ['staff', 'registers', name] as const,
  list: (name: RegisterName, query: RegisterQuery) => ['staff', 'registers', name, 'list', query] as const,
  record: (name: RegisterName, id: Id) => ['staff', 'registers', name, 'detail', String(id)] as const,
  attachments: (name: RegisterName, id: Id) => ['staff', 'registers', name, 'attachments', String(id)] as const,
  replications: (id: Id) => ['staff', 'registers', 'models', 'replications', String(id)] as const,
  members: (id: Id) => ['staff', 'registers', 'groups', 'members', String(id)] as const,
  statusHistory: (id: Id) => ['staff', 'registers', 'reintegration', 'status-history', String(id)] as const,
  sessions: (id: Id) => ['staff', 'registers', 'reintegration', 'sessions', String(id)] as const,
};
