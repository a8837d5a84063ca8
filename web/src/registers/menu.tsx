/** The "Sổ phong trào" group of the main menu: the quick form and the registers the user may read. */
import { Link } from 'react-router';
import type { User } from '../api';
import { hasPermission } from '../lib/auth';
import { unitSearch } from '../lib/useSelectedUnit';
import { QUICK_ACTIVITY_PATH, REGISTERS, REGISTER_BY_NAME, pick, registerPath } from './config';

export const REGISTERS_MENU_KEY = 'registers';

type Translate = (key: string) => string;

/** The menu group, or null when the user may read no register (or nobody is logged in). */
export function registersMenuItem(user: User | null, t: Translate, language: string | undefined, unit: string | null, onNavigate: () => void) {
  if (!user) return null;
  const readable = REGISTERS.filter((r) => hasPermission(user, r.readPermission));
  const quick = hasPermission(user, REGISTER_BY_NAME.activities.writePermission);
  if (!readable.length && !quick) return null;
  const link = (path: string, text: string, testId?: string) => (
    <Link to={{ pathname: path, search: unitSearch(unit) }} onClick={onNavigate} data-testid={testId}>
      {text}
    </Link>
  );
  return {
    key: REGISTERS_MENU_KEY,
    label: <span data-testid="menu-registers">{t('registers.nav.group')}</span>,
    children: [
      ...(quick ? [{ key: QUICK_ACTIVITY_PATH, label: link(QUICK_ACTIVITY_PATH, t('registers.nav.quick'), 'menu-quick-activity') }] : []),
      ...readable.map((r) => ({ key: registerPath(r), label: link(registerPath(r), pick(r.title, language), `menu-register-${r.name}`) })),
    ],
  };
}

/** The menu key of a register page, or null for other pages. */
export function registersSelectedKey(pathname: string): string | null {
  if (pathname === QUICK_ACTIVITY_PATH) return QUICK_ACTIVITY_PATH;
  const r = REGISTERS.find((x) => pathname === registerPath(x) || pathname.startsWith(`${registerPath(x)}/`));
  return r ? registerPath(r) : null;
}
