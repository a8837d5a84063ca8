/** A new record of a register through the offline outbox (src/offline): sent now, or kept to send. */
import type { TFunction } from 'i18next';
import { formatDate } from '../lib/format';
import { submitNew, type Submitted } from '../offline/submit';
import { membersPath, sessionsPath, type Id, type Members, type NewHelpSession, type NewMember, type RegisterRecord } from './api';
import { pick, registerApiPath, type RegisterConfig } from './config';

/**
 * The line an officer recognises a waiting record by: its title (a name the officer typed), else
 * "<item> · <date>". Never a person's name in a register that names people by reference only.
 */
export function pendingLabel(cfg: RegisterConfig, body: Record<string, unknown>, language: string | undefined): string {
  const title = body[cfg.titleField];
  if (!cfg.pseudonymous && typeof title === 'string' && title.trim()) return title.trim();
  const day = cfg.dateField ? body[cfg.dateField] : undefined;
  const item = pick(cfg.item, language);
  const label = item.charAt(0).toUpperCase() + item.slice(1);
  return typeof day === 'string' && day ? `${label} · ${formatDate(day)}` : label;
}

export function submitRecord(
  cfg: RegisterConfig,
  user: string,
  body: Record<string, unknown>,
  photos: readonly File[],
  language: string | undefined,
): Promise<Submitted<RegisterRecord>> {
  return submitNew<RegisterRecord>({
    user,
    kind: cfg.name,
    label: pendingLabel(cfg, body, language),
    path: `/api/v1/${registerApiPath(cfg)}`,
    body,
    files: cfg.attachments ? photos : [],
  });
}

/**
 * A new member of a group, through the outbox like a record. The line in the outbox names the
 * member and the group: a team's members are named in its register.
 */
export function submitMember(group: Id, user: string, body: NewMember, label: string): Promise<Submitted<Members>> {
  return submitNew<Members>({ user, kind: 'groups', label, path: membersPath(group), body });
}

/**
 * A session of help for a person under community education, through the outbox. The line in the
 * outbox says which session and when, never whom: the person is named by reference only.
 */
export function submitSession(person: Id, user: string, body: NewHelpSession, label: string): Promise<Submitted<unknown>> {
  return submitNew<unknown>({ user, kind: 'reintegration', label, path: sessionsPath(person), body });
}

/** What to tell the officer about photos the server refused while their record was saved; null: none. */
export function refusedPhotosText(t: TFunction, sent: { refusedFiles: number; firstFileError?: unknown }, total: number): string | null {
  if (!sent.refusedFiles) return null;
  const error = sent.firstFileError instanceof Error ? sent.firstFileError.message : '';
  return t('registers.photos.someFailed', { n: sent.refusedFiles, total, error });
}
