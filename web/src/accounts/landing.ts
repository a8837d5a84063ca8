/** Where a user lands after logging in (without a `?next=` page to return to), by role. */
import type { User } from '../api';
import { hasPermission } from './auth';

/** The police officer's to-do view of the inbox: new and overdue tips, nearest deadlines. */
export const POLICE_LANDING = '/tin-bao?xem=viec-can-lam';
/** The village officer's quick entry: the activity (or patrol) form for their village. */
export const VILLAGE_LANDING = '/so/ghi-hoat-dong';
/** The steering committee's dashboard. */
export const STEERING_LANDING = '/bao-cao';

export function landingPath(user: User | null): string {
  if (!user) return '/';
  switch (user.role) {
    case 'police_officer':
      return hasPermission(user, 'tips.read') ? POLICE_LANDING : '/';
    case 'village_officer':
      return hasPermission(user, 'activities.write') ? VILLAGE_LANDING : '/';
    case 'steering':
      return hasPermission(user, 'reports.read') ? STEERING_LANDING : '/';
    default:
      // administrators (and the Front's officers) keep the home page
      return '/';
  }
}
