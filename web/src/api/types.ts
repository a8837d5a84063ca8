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
  error: { code: string; message: string; field?: string };
}
