/** The status and history as the reporter reads them. */
import { formatDate } from '../../lib/format';
import type { TrackedTip } from '../api';
import { useI18n, type T, type TextKey } from '../i18n';

/**
 * The status a citizen reads: a tip that was resolved and then closed by the police (filed away)
 * stays "Đã giải quyết" to its reporter — "đã kết thúc" reads as if it had been dropped.
 */
export function citizenStatus(status: string): string {
  return status === 'closed' ? 'resolved' : status;
}

/** The history in time order, without a second "Đã giải quyết" when the tip is then closed. */
export function citizenTimeline(events: TrackedTip['timeline']): TrackedTip['timeline'] {
  let last: string | null = null;
  return [...events]
    .sort((a, b) => a.at.localeCompare(b.at))
    .filter((e) => {
      if (e.kind !== 'status' || !e.status) return true;
      const shown = citizenStatus(e.status);
      const repeated = shown === last;
      last = shown;
      return !repeated;
    });
}

export function timelineText(e: { kind: string; status?: string | null; until?: string | null }, t: T): string {
  const key = `track.timeline.${e.kind}` as TextKey;
  const text = t(key);
  if (text === key) return t('track.timeline.other');
  if (e.kind === 'extended' && e.until) return t('track.timeline.extendedUntil', { date: formatDate(e.until) });
  if (e.kind === 'status' && e.status) {
    const s = t(`status.${citizenStatus(e.status)}` as TextKey);
    return t('track.timeline.status', { status: s.startsWith('status.') ? e.status : s });
  }
  return text;
}

const STATUS_TONE: Record<string, string> = {
  received: 'blue',
  verifying: 'gold',
  assigned: 'purple',
  resolved: 'green',
  closed: 'grey',
  rejected: 'red',
  duplicate: 'grey',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  const shown = citizenStatus(status);
  const key = `status.${shown}` as TextKey;
  return (
    <span className={`p-badge p-badge--${STATUS_TONE[shown] ?? 'grey'}`} data-testid="tip-status">
      {t(key) === key ? status : t(key)}
    </span>
  );
}
