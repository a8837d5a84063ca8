/**
 * Groups of the main menu: "Sổ phong trào" (the quick form and the movement registers the user may
 * read) and "An ninh, trật tự" (reintegration, hotspots, the yearly "An toàn về ANTT" evaluation).
 */
import { Link } from 'react-router';
import type { User } from '../api';
import { EVALUATIONS_PATH, EVALUATION_CRITERIA_PATH, EVALUATIONS_READ } from '../evaluations/paths';
import { hasPermission } from '../accounts/auth';
import { unitSearch } from '../components/useSelectedUnit';
import { MOVEMENT_REGISTERS, QUICK_ACTIVITY_PATH, REGISTERS, REGISTER_BY_NAME, pick, registerPath } from './config';

export const REGISTERS_MENU_KEY = 'registers';
export const SECURITY_MENU_KEY = 'security';

type Translate = (key: string) => string;

function linkOf(unit: string | null, onNavigate: () => void) {
  return (path: string, text: string, testId?: string) => (
    <Link to={{ pathname: path, search: unitSearch(unit) }} onClick={onNavigate} data-testid={testId}>
      {text}
    </Link>
  );
}

/** The menu group, or null when the user may read no register (or nobody is logged in). */
export function registersMenuItem(
  user: User | null,
  t: Translate,
  language: string | undefined,
  unit: string | null,
  onNavigate: () => void,
) {
  if (!user) return null;
  const readable = MOVEMENT_REGISTERS.filter((r) => hasPermission(user, r.readPermission));
  const quick = hasPermission(user, REGISTER_BY_NAME.activities.writePermission);
  if (!readable.length && !quick) return null;
  const link = linkOf(unit, onNavigate);
  return {
    key: REGISTERS_MENU_KEY,
    label: <span data-testid="menu-registers">{t('registers.nav.group')}</span>,
    children: [
      ...(quick ? [{ key: QUICK_ACTIVITY_PATH, label: link(QUICK_ACTIVITY_PATH, t('registers.nav.quick'), 'menu-quick-activity') }] : []),
      ...readable.map((r) => ({ key: registerPath(r), label: link(registerPath(r), pick(r.title, language), `menu-register-${r.name}`) })),
    ],
  };
}

/** "An ninh, trật tự": reintegration, hotspots, evaluations and their criteria, as permitted. */
export function securityMenuItem(
  user: User | null,
  t: Translate,
  language: string | undefined,
  unit: string | null,
  onNavigate: () => void,
) {
  if (!user) return null;
  const link = linkOf(unit, onNavigate);
  const registers = REGISTERS.filter((r) => r.menu === 'security' && hasPermission(user, r.readPermission));
  const evaluations = hasPermission(user, EVALUATIONS_READ);
  if (!registers.length && !evaluations) return null;
  return {
    key: SECURITY_MENU_KEY,
    label: <span data-testid="menu-security">{t('security.nav.group')}</span>,
    children: [
      ...registers.map((r) => ({ key: registerPath(r), label: link(registerPath(r), pick(r.title, language), `menu-register-${r.name}`) })),
      ...(evaluations
        ? [
            { key: EVALUATIONS_PATH, label: link(EVALUATIONS_PATH, t('evaluations.nav.list'), 'menu-evaluations') },
            {
              key: EVALUATION_CRITERIA_PATH,
              label: link(EVALUATION_CRITERIA_PATH, t('evaluations.nav.criteria'), 'menu-evaluation-criteria'),
            },
          ]
        : []),
    ],
  };
}

/** The menu key of a register (or evaluation) page, or null for other pages. */
export function registersSelectedKey(pathname: string): string | null {
  if (pathname === QUICK_ACTIVITY_PATH) return QUICK_ACTIVITY_PATH;
  if (pathname === EVALUATION_CRITERIA_PATH) return EVALUATION_CRITERIA_PATH;
  if (pathname === EVALUATIONS_PATH || pathname.startsWith(`${EVALUATIONS_PATH}/`)) return EVALUATIONS_PATH;
  const r = REGISTERS.find((x) => pathname === registerPath(x) || pathname.startsWith(`${registerPath(x)}/`));
  return r ? registerPath(r) : null;
}
