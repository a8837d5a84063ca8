// The staff app's shared calls: the HTTP client (session cookie, CSRF, re-login), the wire types
// every feature uses, and the lookups every page needs (the unit tree, the server's health).
// A feature's own calls live with it: accounts/api.ts, audit/api.ts, tips/api.ts, units/api.ts …
import { getJson } from './client';
import type { Health, ItemList, UnitDetail, UnitSearchItem, UnitSummary } from './types';

export { ApiError, onUnauthorized, setCsrfToken } from './client';
export type * from './types';

export const getHealth = (signal?: AbortSignal) => getJson<Health>('/healthz', undefined, signal);

/** Children of a unit, or the top level (the provinces) when `parent` is empty. */
export const listUnits = (parent?: string | null, signal?: AbortSignal) =>
  getJson<ItemList<UnitSummary>>('/api/v1/units', { parent }, signal);

export const getUnit = (code: string, signal?: AbortSignal) =>
  getJson<UnitDetail>(`/api/v1/units/${encodeURIComponent(code)}`, undefined, signal);

export const searchUnits = (q: string, limit = 20, signal?: AbortSignal) =>
  getJson<ItemList<UnitSearchItem>>('/api/v1/units/search', { q, limit }, signal);

/** TanStack Query keys shared by every feature (a feature's own keys are in its api.ts). */
export const queryKeys = {
  health: ['health'] as const,
  unitChildren: (parent: string | null) => ['units', 'children', parent ?? ''] as const,
  unit: (code: string) => ['units', 'detail', code] as const,
  unitSearch: (q: string, limit: number) => ['units', 'search', q, limit] as const,
  /** Everything only staff may see: dropped on logout. */
  staff: ['staff'] as const,
};
