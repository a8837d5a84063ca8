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

/** A page of a paginated list. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  per_page: number;
}
