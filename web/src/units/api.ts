/** The unit administration calls of the units page (server: modules/units/units_routes.cpp, docs/api/units.md). */
import { errorFromResponse, patchJson, postJson } from '../api/client';
import type { UnitDetail } from '../api';

export type LocalKind = 'village' | 'establishment';

export interface CreateUnitBody {
  parent: string;
  name: string;
  kind: LocalKind;
  /** "Thôn", "Tổ dân phố"… for a village; agency | enterprise | school | hospital | industrial_park | other for an establishment */
  subkind?: string;
  /** empty: the server makes one from the parent's code ("21220-006") */
  code?: string;
}

const path = (code: string) => `/api/v1/units/${encodeURIComponent(code)}`;

export const createUnit = (body: CreateUnitBody) => postJson<UnitDetail>('/api/v1/units', body);

export const renameUnit = (code: string, body: { name?: string; subkind?: string }) => patchJson<UnitDetail>(path(code), body);

/** Merged into a sibling: answers the merged (now retired) unit, naming its successor. */
export const mergeUnit = (code: string, into: string) => postJson<UnitDetail>(`${path(code)}/merge`, { into });

export const retireUnit = (code: string) => postJson<UnitDetail>(`${path(code)}/retire`, {});

/** The printable QR poster of a unit (public, HTML). */
export const posterUrl = (code: string) => `${path(code)}/tip-poster`;

export type PosterState = { ok: true } | { ok: false; message: string };

/**
 * Whether the poster can be printed (`?check=1`: 200 either way): without a public address
 * configured (the one the QR code sends citizens to) the server says why in Vietnamese.
 */
export async function checkPoster(code: string, signal?: AbortSignal): Promise<PosterState> {
  const res = await fetch(`${posterUrl(code)}?check=1`, { credentials: 'same-origin', signal });
  if (!res.ok) throw await errorFromResponse(res);
  const body = (await res.json()) as { available: boolean; message?: string };
  return body.available ? { ok: true } : { ok: false, message: body.message ?? '' };
}

export const unitAdminKeys = {
  poster: (code: string) => ['units', 'poster', code] as const,
};
