type Translate = (key: string, options?: { defaultValue: string }) => string;

/**
 * A code of the audit trail (action "auth.login", entity "user") in words when the i18n files
 * know it (`auditAction.auth_login`, `auditEntity.user`), else the code as it is.
 */
export function auditLabel(t: Translate, group: 'auditAction' | 'auditEntity', code: string | null | undefined): string {
  if (!code) return '';
  // i18next reads "." as nesting: the keys use "_" instead
  return /^[a-z0-9_.-]+$/.test(code) ? t(`${group}.${code.replace(/[.-]/g, '_')}`, { defaultValue: code }) : code;
}

/** Actions the server records (offered by the action filter; others still show as their code). */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'login_locked',
  'logout',
  'password_change',
  'totp_enable',
  'totp_disable',
  'user.create',
  'user.update',
  'user.disable',
  'token.create',
  'token.revoke',
  'unit.create',
  'unit.update',
  'units.import',
] as const;

/** Kinds of objects the entries are about. */
export const AUDIT_ENTITIES = ['user', 'unit', 'token'] as const;

/** Options of a filter box: "Đăng nhập (login)", matching either the words or the code. */
export function auditOptions(t: Translate, group: 'auditAction' | 'auditEntity', codes: readonly string[]) {
  return codes.map((code) => ({ value: code, label: `${auditLabel(t, group, code)} (${code})` }));
}
