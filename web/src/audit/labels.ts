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

/** The registers' entities (server specs): each writes `<entity>.create|update|delete`, and `.attach` for photos. */
const REGISTER_ENTITIES = [
  'activity',
  'opinion',
  'model',
  'group',
  'patrol',
  'mediation',
  'program',
  'pledge',
  'award',
  'hotspot',
  'reintegration_person',
] as const;

/**
 * Every action the server writes to the trail (grep `audit.record`, `audit_.record`, `audit(c,` and
 * the reveal helper in server/src), each with a Vietnamese name in `auditAction.*`; the filter offers them.
 */
export const AUDIT_ACTIONS = [
  // accounts
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
  // units, catalogue, operations
  'unit.create',
  'unit.update',
  'unit.merge',
  'unit.retire',
  'unit.reassign',
  'units.import',
  'units.reform',
  'user.unit_moved',
  'demo.seed',
  'catalog.add',
  'catalog.update',
  'rollup.rebuild',
  'export.full',
  'export.decrypted',
  'keys.rotate',
  // tips
  'tip.create',
  'tip.update',
  'tip.message',
  'tip.reveal',
  'tip.release',
  'tip_category.create',
  'tip_category.update',
  // reports
  'report.issue',
  // spreadsheet imports (issue 14)
  'import.run',
  'import.undo',
  // registers
  ...REGISTER_ENTITIES.flatMap((e) => [`${e}.create`, `${e}.update`, `${e}.delete`]),
  'activity.attach',
  'patrol.attach',
  'mediation.attach',
  'model.replicate',
  'model.replication_end',
  'group.member_add',
  'group.member_update',
  'group.member_rate',
  // reintegration (sealed identities)
  'reintegration_person.reveal',
  'reintegration_person.search',
  'reintegration_person.session',
  'reintegration_person.session_delete',
  // evaluations
  'evaluation.create',
  'evaluation.update',
  'evaluation.delete',
  'evaluation.submit',
  'evaluation.return',
  'evaluation.approve',
  'evaluation.attach',
  'evaluation_criteria.create',
  'evaluation_registration.create',
  'evaluation_registration.update',
  // news to residents (issue 15)
  'news.create',
  'news.update',
  'news.delete',
  'news.submit',
  'news.publish',
  'news.withdraw',
  'news.cover',
  'news.cover_remove',
  'news.settings',
] as const;

/** Kinds of objects the entries are about. */
export const AUDIT_ENTITIES = [
  'user',
  'api_token',
  'unit',
  'catalog',
  'tip',
  'tip_category',
  'report',
  'import',
  'database',
  ...REGISTER_ENTITIES,
  'evaluation',
  'evaluation_criteria',
  'evaluation_registration',
  'news_post',
] as const;

/** Options of a filter list: the Vietnamese name, sorted in Vietnamese order; searching matches the words. */
export function auditOptions(t: Translate, group: 'auditAction' | 'auditEntity', codes: readonly string[]) {
  const collator = new Intl.Collator('vi');
  return codes.map((code) => ({ value: code, label: auditLabel(t, group, code) })).sort((a, b) => collator.compare(a.label, b.label));
}
