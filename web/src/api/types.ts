/** Types of the ANTQ JSON API (snake_case, as the server sends them). */

export type UnitKind = 'province' | 'district' | 'commune' | 'village' | 'establishment';

export interface Health {
  status: string;
  database: 'sqlite' | 'postgresql' | string;
  version: string;
}

export interface UnitSummary {
  code: string;
  name: string;
  full_name: string;
  kind: UnitKind | string;
  parent_code: string | null;
  has_children: boolean;
  /** Sent by the server beyond the minimal contract. */
  subkind?: string | null;
  active?: boolean;
  dataset?: string | null;
}

export interface UnitSearchItem extends UnitSummary {
  parent_full_name: string | null;
}

export interface UnitRef {
  code: string;
  name: string;
  full_name: string;
  kind: UnitKind | string;
}

export interface UnitDetail extends UnitRef {
  subkind: string | null;
  parent_code: string | null;
  active: boolean;
  dataset: string | null;
  ancestors: UnitRef[];
  successor: Pick<UnitRef, 'code' | 'name' | 'full_name'> | null;
  has_children?: boolean;
  /** The day the unit stopped existing (YYYY-MM-DD), for merged or dissolved units. */
  retired_on?: string | null;
}

export interface ItemList<T> {
  items: T[];
  total?: number;
}

/** The error body every API error carries. */
export interface ApiErrorBody {
  error: { code: string; message: string; field?: string | null; request_id?: string };
}

// --- staff accounts -----------------------------------------------------------------------------

/** A unit as the accounts API names it (a user's home unit). */
export type UserUnit = UnitRef;

export interface User {
  username: string;
  display_name: string | null;
  role: string;
  role_label: string;
  /** The user's home unit; null means the whole country. */
  unit: UserUnit | null;
  permissions: string[];
  totp_enabled: boolean;
  disabled: boolean;
  last_login_at: string | null;
  created_at: string;
  /**
   * The password was set by an administrator (a new account, a reset): until its owner chooses
   * their own, every other staff request is answered 403 `password_change_required`.
   */
  must_change_password?: boolean;
  /** Locked out after wrong passwords from some address now (in the administrators' lists). */
  login_locked?: boolean;
}

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

/** A page of a paginated list. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  per_page: number;
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
