/**
 * The handling workflow of tips (staff pages): statuses and their forward-only order, what a
 * move needs, channels, decisions, days left to a deadline.
 */

/** Every status, in display order: the main path, then the two ends outside it. */
export const TIP_STATUSES = ['received', 'verifying', 'assigned', 'resolved', 'closed', 'rejected', 'duplicate'] as const;
export type TipStatus = (typeof TIP_STATUSES)[number];

/** Statuses of a tip still being handled (its deadlines run). */
export const OPEN_STATUSES: readonly TipStatus[] = ['received', 'verifying', 'assigned'];

/** Position on the way received → verifying → assigned → resolved → closed; the two side ends after it. */
const RANK: Record<TipStatus, number> = {
  received: 0,
  verifying: 1,
  assigned: 2,
  resolved: 3,
  closed: 4,
  rejected: 5,
  duplicate: 5,
};

export function isTipStatus(value: unknown): value is TipStatus {
  return typeof value === 'string' && (TIP_STATUSES as readonly string[]).includes(value);
}

export function isOpenStatus(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/** A status nothing follows. */
export function isFinalStatus(status: string): boolean {
  return status === 'closed' || status === 'rejected' || status === 'duplicate';
}

/**
 * Whether a tip may move from one status to another: forward only, several steps at once
 * allowed; `rejected` and `duplicate` only while the tip is still open.
 */
export function isForwardMove(from: string, to: string): boolean {
  if (!isTipStatus(from) || !isTipStatus(to) || from === to) return false;
  if (isFinalStatus(from)) return false;
  if (to === 'rejected' || to === 'duplicate') return isOpenStatus(from);
  return RANK[to] > RANK[from];
}

/** The statuses a tip in `from` may move to, in display order. */
export function nextStatuses(from: string): TipStatus[] {
  return TIP_STATUSES.filter((to) => isForwardMove(from, to));
}

/** Sorts statuses in workflow order (unknown ones last, as they came). */
export function sortStatuses<T extends string>(statuses: readonly T[]): T[] {
  const rank = (s: string) => (isTipStatus(s) ? TIP_STATUSES.indexOf(s) : TIP_STATUSES.length);
  return [...statuses].sort((a, b) => rank(a) - rank(b));
}

export type StatusRequirement = 'assignee' | 'outcome' | 'reason' | 'duplicate_of';

/** What a move to `to` needs besides the status itself (the server checks again). */
export function statusRequirements(to: string): StatusRequirement[] {
  switch (to) {
    case 'assigned':
      return ['assignee'];
    case 'resolved':
    case 'closed':
      return ['outcome'];
    case 'rejected':
      return ['reason'];
    case 'duplicate':
      return ['duplicate_of'];
    default:
      return [];
  }
}

/** The requirements of a move that neither the tip nor the change at hand fulfil. */
export function missingForStatus(
  to: string,
  have: { assignee?: string | null; outcome?: boolean; reason?: string | null; duplicateOf?: string | null },
): StatusRequirement[] {
  return statusRequirements(to).filter((r) => {
    switch (r) {
      case 'assignee':
        return !have.assignee?.trim();
      case 'outcome':
        return !have.outcome;
      case 'reason':
        return !have.reason?.trim();
      case 'duplicate_of':
        return !have.duplicateOf;
    }
  });
}

/** How tips reach the police; public tips are `online`. */
export const TIP_CHANNELS = ['in_person', 'phone', 'hotline', 'chat', 'online'] as const;
export type TipChannel = (typeof TIP_CHANNELS)[number];
/** The channels an officer records a tip from (online tips come through the public form). */
export const STAFF_CHANNELS: readonly TipChannel[] = ['in_person', 'phone', 'hotline', 'chat'];

export const TIP_DECISIONS = ['prosecute', 'not_prosecute', 'suspend', 'other'] as const;
export type TipDecision = (typeof TIP_DECISIONS)[number];

const VN_OFFSET_MS = 7 * 60 * 60 * 1000;

/** Whole days from `now` until `at` (negative once past), by Vietnam calendar days. */
export function daysUntil(at: string, now: Date = new Date()): number | null {
  const t = Date.parse(at);
  if (Number.isNaN(t)) return null;
  const day = (ms: number) => Math.floor((ms + VN_OFFSET_MS) / 86_400_000);
  return day(t) - day(now.getTime());
}
