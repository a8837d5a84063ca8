/**
 * Who may manage which units on the units page. The server decides (units.write, the caller's
 * area, strictly below the caller's own unit); the page only offers what it would accept.
 */
import type { UnitDetail, User } from '../api';

export const UNITS_WRITE = 'units.write';

/** Unit types an administrator adds: a village kind with its name ("Thôn"…), or an establishment. */
export const VILLAGE_TYPES = ['Thôn', 'Tổ dân phố', 'Khu dân cư', 'Ấp', 'Bản'] as const;
export const ESTABLISHMENT_TYPES = ['agency', 'enterprise', 'school', 'hospital', 'industrial_park', 'other'] as const;

type Who = Pick<User, 'permissions' | 'unit'> | null | undefined;
type Place = Pick<UnitDetail, 'code' | 'kind' | 'active' | 'ancestors'>;

export function canWriteUnits(user: Who): boolean {
  return !!user && user.permissions.includes(UNITS_WRITE);
}

/** The unit lies in the user's area (their unit or below it; everywhere for a nationwide account). */
export function inArea(user: Who, unit: Place): boolean {
  if (!user) return false;
  if (!user.unit) return true;
  return unit.code === user.unit.code || unit.ancestors.some((a) => a.code === user.unit!.code);
}

/** Strictly below the user's own unit: what they may rename, merge or retire. */
export function belowOwnUnit(user: Who, unit: Place): boolean {
  if (!user) return false;
  if (!user.unit) return true;
  return unit.ancestors.some((a) => a.code === user.unit!.code);
}

/** Villages and establishments are local units; provinces, districts and communes follow the official lists. */
export function isLocal(kind: string): boolean {
  return kind === 'village' || kind === 'establishment';
}

/** The user may add villages and establishments under this unit (a commune or a village of their area). */
export function canAddUnder(user: Who, unit: Place): boolean {
  return canWriteUnits(user) && unit.active && (unit.kind === 'commune' || unit.kind === 'village') && inArea(user, unit);
}

/** The user may rename, merge and retire this unit. */
export function canManage(user: Who, unit: Place): boolean {
  return canWriteUnits(user) && unit.active && isLocal(unit.kind) && belowOwnUnit(user, unit);
}
