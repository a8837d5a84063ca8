/**
 * Groups of the main menu: "Sổ phong trào" (the quick form and the movement registers the user may
 * read) and "An ninh, trật tự" (reintegration, hotspots, the yearly "An toàn về ANTT" evaluation).
 */
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { User } from '../api';
import { EVALUATIONS_PATH, EVALUATION_CRITERIA_PATH, EVALUATIONS_READ } from '../evaluations/paths';
import { hasPermission } from '../accounts/auth';
import { importSlugOf } from '../imports/logic';
import { importTargetBySlug } from '../imports/targets';
import { unitSearch } from '../components/useSelectedUnit';
import { MOVEMENT_REGISTERS, QUICK_ACTIVITY_PATH, REGISTERS, REGISTER_BY_NAME, pick, registerPath, type RegisterConfig } from './config';

export const REGISTERS_MENU_KEY = 'registers';
export const SECURITY_MENU_KEY = 'security';

type Translate = (key: string) => string;

/** What a menu group is drawn with: the user (logged in), the texts, and links that keep the chosen unit. */
interface MenuContext {
  user: User;
  t: Translate;
  /** A link of the menu: to `path`, keeping the chosen unit, closing the phone's menu drawer. */
  link: (path: string, text: string, testId?: string) => ReactNode;
  /** The menu entry of a register's page. */
  registerEntry: (r: RegisterConfig) => { key: string; label: ReactNode };
}

/**
 * A menu group built from the menu's context; the built function answers null when nobody is
 * logged in (or the group has nothing the user may read).
 */
function menuGroup(build: (ctx: MenuContext) => MenuGroup | null) {
  return (user: User | null, t: Translate, language: string | undefined, unit: string | null, onNavigate: () => void) => {
    if (!user) return null;
    const link = (path: string, text: string, testId?: string) => (
      <Link to={{ pathname: path, search: unitSearch(unit) }} onClick={onNavigate} data-testid={testId}>
        {text}
      </Link>
    );
    const registerEntry = (r: RegisterConfig) => ({
      key: registerPath(r),
      label: link(registerPath(r), pick(r.title, language), `menu-register-${r.name}`),
    });
    return build({ user, t, link, registerEntry });
  };
}

interface MenuGroup {
  key: string;
  label: ReactNode;
  children: { key: string; label: ReactNode }[];
}

/** "Sổ phong trào": the quick form and the movement registers, or null when the user may read no register. */
export const registersMenuItem = menuGroup(({ user, t, link, registerEntry }) => {
  const readable = MOVEMENT_REGISTERS.filter((r) => hasPermission(user, r.readPermission));
  const quick = hasPermission(user, REGISTER_BY_NAME.activities.writePermission);
  if (!readable.length && !quick) return null;
  return {
    key: REGISTERS_MENU_KEY,
    label: <span data-testid="menu-registers">{t('registers.nav.group')}</span>,
    children: [
      ...(quick ? [{ key: QUICK_ACTIVITY_PATH, label: link(QUICK_ACTIVITY_PATH, t('registers.nav.quick'), 'menu-quick-activity') }] : []),
      ...readable.map(registerEntry),
    ],
  };
});

/** "An ninh, trật tự": reintegration, hotspots, evaluations and their criteria, as permitted. */
export const securityMenuItem = menuGroup(({ user, t, link, registerEntry }) => {
  const registers = REGISTERS.filter((r) => r.menu === 'security' && hasPermission(user, r.readPermission));
  const evaluations = hasPermission(user, EVALUATIONS_READ);
  if (!registers.length && !evaluations) return null;
  return {
    key: SECURITY_MENU_KEY,
    label: <span data-testid="menu-security">{t('security.nav.group')}</span>,
    children: [
      ...registers.map(registerEntry),
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
});

/**
 * The menu key of a register (or evaluation) page, or null for other pages. An import page
 * (/nhap-du-lieu/<slug>) lights the list it belongs to: its register's, or the tips' ("/tin-bao").
 */
export function registersSelectedKey(pathname: string): string | null {
  if (pathname === QUICK_ACTIVITY_PATH) return QUICK_ACTIVITY_PATH;
  if (pathname === EVALUATION_CRITERIA_PATH) return EVALUATION_CRITERIA_PATH;
  if (pathname === EVALUATIONS_PATH || pathname.startsWith(`${EVALUATIONS_PATH}/`)) return EVALUATIONS_PATH;
  const imported = importSlugOf(pathname);
  if (imported) return importTargetBySlug(imported)?.back.path ?? null;
  const r = REGISTERS.find((x) => pathname === registerPath(x) || pathname.startsWith(`${registerPath(x)}/`));
  return r ? registerPath(r) : null;
}
