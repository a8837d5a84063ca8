/**
 * Staff calls of citizen tips (docs/api/tips.md) and the notifications that go with them.
 * Ids come as JSON numbers or strings; the client keeps them as given and sends numbers where
 * the server reads integers.
 */
import { queryKeys } from '../api';
import { getJson, patchJson, postJson } from '../api/client';

export type Id = string | number;

export interface TipCategory {
  code: string;
  label: string;
  label_en?: string | null;
  active?: boolean;
}

export interface TipUnit {
  code: string;
  name: string;
  full_name?: string;
}

export interface TipListItem {
  id: Id;
  tracking_code: string;
  unit: TipUnit;
  category: string;
  channel: string;
  status: string;
  received_at: string;
  excerpt: string;
  assignee: string | null;
  due_at: string | null;
  overdue: boolean;
  anonymous: boolean;
  duplicates: number;
  /** Sent while its unit received a flood of tips (past the hourly threshold): waits to be screened. */
  held_for_review?: boolean;
}

export interface TipPage {
  items: TipListItem[];
  total: number;
  page: number;
  per_page: number;
}

export interface TipListQuery {
  status?: string;
  category?: string;
  unit?: string;
  from?: string;
  to?: string;
  overdue?: boolean;
  assignee?: string;
  q?: string;
  /** true: only tips held for review (a flood); false: without them. */
  held?: boolean;
  page?: number;
  per_page?: number;
}

export interface TipOutcome {
  valid: boolean;
  cases_solved: number;
  suspects_arrested: number;
  wanted_caught: number;
  transferred_to?: string | null;
  decision?: 'prosecute' | 'not_prosecute' | 'suspend' | 'other' | string | null;
  public_note?: string | null;
}

export interface TipMessage {
  id: Id;
  at: string;
  from: 'reporter' | 'police' | string;
  author?: string | null;
  body: string;
}

export interface TipAttachment {
  id: Id;
  at: string;
  kind: 'image' | 'video' | string;
  media_type: string;
  size: number;
  location_removed?: boolean;
  uploaded_by?: string | null;
}

export interface TipEvent {
  at: string;
  kind: string;
  status?: string | null;
  actor?: string | null;
  note?: string | null;
  detail?: string | null;
  until?: string | null;
}

export interface TipDetail extends TipListItem {
  unit: TipUnit;
  description: string;
  place: string | null;
  lat: number | null;
  lng: number | null;
  occurred_at: string | null;
  received_by?: string | null;
  status_reason?: string | null;
  outcome: TipOutcome | null;
  decision: null | { status: string; note: string | null; at: string; label?: string };
  deadlines: {
    settle_due_at: string | null;
    pass_on_due_at: string | null;
    passed_on_at: string | null;
    passed_on_to: string | null;
    transfer_required?: boolean;
    extensions: { at: string; until: string; reason: string }[];
  };
  duplicate_of: null | { id: Id; tracking_code: string };
  merged: { id: Id; tracking_code: string; messages: TipMessage[] }[];
  suggestions: { id: Id; tracking_code: string; score: number; excerpt: string; received_at: string; status?: string }[];
  timeline: TipEvent[];
  messages: TipMessage[];
  attachments: TipAttachment[];
  reporter: { anonymous: boolean; provided?: boolean };
}

export interface NewStaffTip {
  unit: string;
  category: string;
  description: string;
  channel: string;
  occurred_at?: string;
  place?: string;
  reporter?: { name?: string; phone?: string; email?: string; address?: string };
}

/** The answer of POST /api/v1/tips: the tip, and the secret to hand to the reporter (once). */
export interface CreatedTip {
  id: Id;
  tracking_code: string;
  secret?: string;
  received_at: string;
  unit: TipUnit;
}

export interface TipPatch {
  status?: string;
  reason?: string;
  assignee?: string;
  outcome?: TipOutcome;
  duplicate_of?: number;
  transfer_required?: boolean;
  passed_on_to?: string;
  extend?: { until: string; reason: string };
}

export interface RevealedReporter {
  name: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
}

export interface Notification {
  id: Id;
  kind: string;
  at: string;
  read: boolean;
  /** The contract's fields … */
  tip_id?: Id | null;
  tracking_code?: string | null;
  /** … and the server's generic ones (entity "tip", entity_id, label = the tracking code). */
  entity?: string | null;
  entity_id?: Id | null;
  label?: string | null;
}

export interface NotificationList {
  items: Notification[];
  unread: number;
}

const enc = (id: Id) => encodeURIComponent(String(id));

/** The tip a notification is about: { id, code } or null. */
export function notificationTip(n: Notification): { id: string; code: string | null } | null {
  const id = n.tip_id ?? (n.entity === 'tip' || !n.entity ? n.entity_id : null);
  if (id === null || id === undefined || id === '') return null;
  return { id: String(id), code: n.tracking_code ?? n.label ?? null };
}

/** Query parameters of the inbox (empty values dropped by the client). */
export function tipListParams(q: TipListQuery): Record<string, string | number | undefined> {
  return {
    status: q.status || undefined,
    category: q.category || undefined,
    unit: q.unit || undefined,
    from: q.from || undefined,
    to: q.to || undefined,
    overdue: q.overdue ? 'true' : undefined,
    assignee: q.assignee || undefined,
    q: q.q || undefined,
    held: q.held === undefined ? undefined : String(q.held),
    page: q.page && q.page > 1 ? q.page : undefined,
    per_page: q.per_page,
  };
}

export const listTipCategories = (signal?: AbortSignal) =>
  getJson<{ items: TipCategory[] }>('/api/v1/public/tip-categories', undefined, signal);

export const listTips = (q: TipListQuery, signal?: AbortSignal) => getJson<TipPage>('/api/v1/tips', tipListParams(q), signal);

export const getTip = (id: Id, signal?: AbortSignal) => getJson<TipDetail>(`/api/v1/tips/${enc(id)}`, undefined, signal);

export const createTip = (body: NewStaffTip) => postJson<CreatedTip>('/api/v1/tips', body);

export const updateTip = (id: Id, body: TipPatch) => patchJson<TipDetail>(`/api/v1/tips/${enc(id)}`, body);

/** Screened: a tip held during a flood joins the ordinary inbox (audited). */
export const releaseTip = (id: Id) => postJson<TipDetail>(`/api/v1/tips/${enc(id)}/release`, {});

export const sendTipMessage = (id: Id, body: string) => postJson<TipMessage>(`/api/v1/tips/${enc(id)}/messages`, { body });

export const revealReporter = (id: Id, reason: string) =>
  postJson<{ reporter: RevealedReporter }>(`/api/v1/tips/${enc(id)}/reveal`, { reason });

export const tipAttachmentUrl = (id: Id, attachmentId: Id) => `/api/v1/tips/${enc(id)}/attachments/${enc(attachmentId)}`;

/** A colleague a tip can be given to. */
export interface TipAssignee {
  username: string;
  display_name: string | null;
  role_label?: string;
  unit: { code: string; name: string; full_name?: string } | null;
}

const ASSIGNEES_PATH = '/api/v1/tips/{id}/assignees';
let assigneesRoute: Promise<boolean> | null = null;

/** Whether the server answers `GET /api/v1/tips/{id}/assignees` (its OpenAPI document says so; asked once). */
function hasAssigneesRoute(): Promise<boolean> {
  assigneesRoute ??= getJson<{ paths?: Record<string, unknown> }>('/api/v1/openapi.json')
    .then((doc) => !!doc.paths && ASSIGNEES_PATH in doc.paths)
    .catch(() => false);
  return assigneesRoute;
}

/**
 * The active police officers of the tip's unit and the units above it, within the caller's area:
 * `GET /api/v1/tips/{id}/assignees` where the server has it (asked of the server; see the report of
 * issue 18); else, for an administrator, the accounts list filtered the same way; else nobody (the
 * form still offers the caller and the current assignee).
 */
export async function listTipAssignees(
  id: Id,
  unitChain: readonly string[],
  canListUsers: boolean,
  signal?: AbortSignal,
): Promise<TipAssignee[]> {
  if (await hasAssigneesRoute()) {
    return (await getJson<{ items: TipAssignee[] }>(ASSIGNEES_PATH.replace('{id}', enc(id)), undefined, signal)).items;
  }
  if (!canListUsers) return [];
  const users = await getJson<{ items: (TipAssignee & { role: string; disabled: boolean; permissions: string[] })[] }>(
    '/api/v1/users',
    { per_page: 500 },
    signal,
  );
  return users.items.filter(
    (u) =>
      !u.disabled && u.role === 'police_officer' && u.permissions.includes('tips.write') && !!u.unit && unitChain.includes(u.unit.code),
  );
}

export const listNotifications = (signal?: AbortSignal) => getJson<NotificationList>('/api/v1/notifications', undefined, signal);

/** Marks notifications read; no ids = all of them. */
export const markNotificationsRead = (ids?: Id[]) =>
  postJson<void>('/api/v1/notifications/read', ids ? { ids: ids.map((i) => Number(i)) } : {});

/** TanStack Query keys of tips and notifications. */
export const tipKeys = {
  categories: ['tips', 'categories'] as const,
  list: (query: TipListQuery) => [...queryKeys.staff, 'tips', 'list', query] as const,
  detail: (id: string) => [...queryKeys.staff, 'tips', 'detail', id] as const,
  notifications: [...queryKeys.staff, 'notifications'] as const,
};
