import type { Notification } from './api';
import { formatTrackingCode } from '../lib/tips';
import { notificationTip } from './api';

/** The notification's text: "Tin báo mới 7KQM-X4TB" etc. ("tip.received" → key tip_received). */
export function notificationText(n: Notification, t: (k: string, o?: Record<string, unknown>) => string): string {
  const tip = notificationTip(n);
  const code = tip?.code ? formatTrackingCode(tip.code) : '';
  const key = `notifications.kind.${n.kind.replace(/\./g, '_')}`;
  return t(key, { code, defaultValue: t('notifications.kind.other', { code }) });
}
