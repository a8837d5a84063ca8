/** Staff calls of authentication (login, session, two-factor) and of user administration. */
import { ApiError, getJson, patchJson, postJson, request, setCsrfToken } from '../api/client';
import { queryKeys } from '../api';
import type { ItemList, Page, User } from '../api/types';

/** The answer of login and of `GET /api/v1/auth/me`. */
export interface Session {
  user: User;
  /** null when the caller authenticated with an API token rather than the session cookie. */
  csrf_token: string | null;
}

export interface LoginRequest {
  username: string;
  password: string;
  totp?: string;
}

export interface TotpSetup {
  secret: string;
  otpauth_uri: string;
}

export interface Role {
  code: string;
  label: string;
  permissions: string[];
}

export interface UserListQuery {
  q?: string;
  page?: number;
  per_page?: number;
}

export interface CreateUserRequest {
  username: string;
  password: string;
  role: string;
  /** Code of the home unit; absent when `nationwide` is chosen. */
  unit?: string;
  /** The whole country, chosen explicitly (a national administrator only). */
  nationwide?: boolean;
  display_name?: string;
}

export interface UpdateUserRequest {
  display_name?: string;
  role?: string;
  /** A new home unit (`null`, the older way, is the same as `nationwide: true`). */
  unit?: string | null;
  /** The whole country, chosen explicitly (a national administrator only). */
  nationwide?: boolean;
  disabled?: boolean;
  /** A temporary password: its owner must change it at the next login. */
  password?: string;
  /** Lifts the login lock (after wrong passwords) from every address; audited. */
  unlock?: boolean;
}

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
export const disableTotp = (password: string) => postJson<void>('/api/v1/auth/totp/disable', { password });

// --- user administration ------------------------------------------------------------------------

export const listRoles = (signal?: AbortSignal) => getJson<ItemList<Role>>('/api/v1/roles', undefined, signal);

export const listUsers = (query: UserListQuery, signal?: AbortSignal) => getJson<Page<User>>('/api/v1/users', { ...query }, signal);

export const getUser = (username: string, signal?: AbortSignal) =>
  getJson<User>(`/api/v1/users/${encodeURIComponent(username)}`, undefined, signal);

export const createUser = (body: CreateUserRequest) => postJson<User>('/api/v1/users', body);

export const updateUser = (username: string, body: UpdateUserRequest) =>
  patchJson<User>(`/api/v1/users/${encodeURIComponent(username)}`, body);

/** TanStack Query keys of the session and of user administration. */
export const accountKeys = {
  session: ['auth', 'session'] as const,
  roles: [...queryKeys.staff, 'roles'] as const,
  users: (query: UserListQuery) => [...queryKeys.staff, 'users', 'list', query] as const,
  user: (username: string) => [...queryKeys.staff, 'users', 'detail', username] as const,
};
