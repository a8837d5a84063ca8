import { ApiError, getJson, patchJson, postJson, request, setCsrfToken } from './client';
import type {
  AuditEntry,
  AuditQuery,
  AuditVerify,
  CreateUserRequest,
  Health,
  ItemList,
  LoginRequest,
  Page,
  Role,
  Session,
  TotpSetup,
  UnitDetail,
  UnitSearchItem,
  UnitSummary,
  UpdateUserRequest,
  User,
  UserListQuery,
} from './types';
import type { TipListQuery } from './tips';

export { ApiError, onUnauthorized, setCsrfToken } from './client';
export type * from './types';
export * from './tips';

export const getHealth = (signal?: AbortSignal) => getJson<Health>('/healthz', undefined, signal);

/** Children of a unit, or the top level (the provinces) when `parent` is empty. */
export const listUnits = (parent?: string | null, signal?: AbortSignal) =>
  getJson<ItemList<UnitSummary>>('/api/v1/units', { parent }, signal);

export const getUnit = (code: string, signal?: AbortSignal) =>
  getJson<UnitDetail>(`/api/v1/units/${encodeURIComponent(code)}`, undefined, signal);

export const searchUnits = (q: string, limit = 20, signal?: AbortSignal) =>
  getJson<ItemList<UnitSearchItem>>('/api/v1/units/search', { q, limit }, signal);

// --- authentication -----------------------------------------------------------------------------

/** The current session, or null when nobody is logged in (401). Keeps the CSRF token. */
export async function getSession(signal?: AbortSignal): Promise<Session | null> {
  try {
    const session = await request<Session>('GET', '/api/v1/auth/me', { signal, credentialCheck: true });
    setCsrfToken(session.csrf_token);
    return session;
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/** Logs in; throws ApiError (401 `totp_required` asks for the code, 429 for a lockout). */
export async function login(body: LoginRequest): Promise<Session> {
  const session = await postJson<Session>('/api/v1/auth/login', body, { credentialCheck: true });
  setCsrfToken(session.csrf_token);
  return session;
}

export async function logout(): Promise<void> {
  try {
    await postJson<void>('/api/v1/auth/logout', undefined, { credentialCheck: true });
  } finally {
    setCsrfToken(null);
  }
}

/** Changes the own password; the server then ends every session, this one included. */
export const changePassword = (current_password: string, new_password: string) =>
  postJson<void>('/api/v1/auth/password', { current_password, new_password });

export const setupTotp = () => postJson<TotpSetup>('/api/v1/auth/totp/setup');
export const enableTotp = (code: string) => postJson<void>('/api/v1/auth/totp/enable', { code });
export const disableTotp = (password: string) =>
  postJson<void>('/api/v1/auth/totp/disable', { password });

// --- user administration ------------------------------------------------------------------------

export const listRoles = (signal?: AbortSignal) => getJson<ItemList<Role>>('/api/v1/roles', undefined, signal);

export const listUsers = (query: UserListQuery, signal?: AbortSignal) =>
  getJson<Page<User>>('/api/v1/users', { ...query }, signal);

export const getUser = (username: string, signal?: AbortSignal) =>
  getJson<User>(`/api/v1/users/${encodeURIComponent(username)}`, undefined, signal);

export const createUser = (body: CreateUserRequest) => postJson<User>('/api/v1/users', body);

export const updateUser = (username: string, body: UpdateUserRequest) =>
  patchJson<User>(`/api/v1/users/${encodeURIComponent(username)}`, body);

// --- audit trail --------------------------------------------------------------------------------

export const listAudit = (query: AuditQuery, signal?: AbortSignal) =>
  getJson<Page<AuditEntry>>('/api/v1/audit', { ...query }, signal);

export const verifyAudit = (signal?: AbortSignal) => getJson<AuditVerify>('/api/v1/audit/verify', undefined, signal);

/** TanStack Query keys, in one place so that caches are shared. */
export const queryKeys = {
  health: ['health'] as const,
  unitChildren: (parent: string | null) => ['units', 'children', parent ?? ''] as const,
  unit: (code: string) => ['units', 'detail', code] as const,
  unitSearch: (q: string, limit: number) => ['units', 'search', q, limit] as const,
  session: ['auth', 'session'] as const,
  /** Everything only staff may see: dropped on logout. */
  staff: ['staff'] as const,
  roles: ['staff', 'roles'] as const,
  users: (query: UserListQuery) => ['staff', 'users', 'list', query] as const,
  user: (username: string) => ['staff', 'users', 'detail', username] as const,
  audit: (query: AuditQuery) => ['staff', 'audit', 'list', query] as const,
  tipCategories: ['tips', 'categories'] as const,
  tips: (query: TipListQuery) => ['staff', 'tips', 'list', query] as const,
  tip: (id: string) => ['staff', 'tips', 'detail', id] as const,
  notifications: ['staff', 'notifications'] as const,
};
