/** Small pieces the tip pages share: status tag, due-date text, category labels. */
import { useQuery } from '@tanstack/react-query';
import { Tag, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { listTipCategories, tipKeys } from './api';
import { formatDate } from '../lib/format';
import { daysUntil, isTipStatus } from './workflow';

const STATUS_COLOR: Record<string, string> = {
  received: 'blue',
  verifying: 'gold',
  assigned: 'purple',
  resolved: 'green',
  closed: 'default',
  rejected: 'red',
  duplicate: 'default',
};

export function TipStatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} className="antq-nowrap" data-testid="tip-status">
      {isTipStatus(status) ? t(`tips.status.${status}`) : status}
    </Tag>
  );
}

/** "20/11/2026 · còn 3 ngày" / "quá 2 ngày" for an open tip's deadline. */
export function DueDate({ at, overdue }: { at: string | null; overdue?: boolean }) {
  const { t } = useTranslation();
  if (!at) return <Typography.Text type="secondary">—</Typography.Text>;
  const days = daysUntil(at);
  const late = overdue ?? (days !== null && days < 0);
  const rel =
    days === null ? '' : days < 0 ? t('tips.overdueBy', { n: -days }) : days === 0 ? t('tips.dueToday') : t('tips.dueIn', { n: days });
  return (
    <span className={late ? 'antq-due antq-due--late' : 'antq-due'} data-testid="tip-due">
      <span className="antq-nowrap">{formatDate(at)}</span>
      {late && (
        <Tag color="red" className="antq-due__tag">
          {t('tips.overdue')}
        </Tag>
      )}
      {rel && (
        <Typography.Text type={late ? 'danger' : 'secondary'} className="antq-due__rel">
          {rel}
        </Typography.Text>
      )}
    </span>
  );
}

/** The tip categories (public list, cached) and a function naming a category in the current language. */
export function useTipCategories() {
  const { i18n } = useTranslation();
  const q = useQuery({
    queryKey: tipKeys.categories,
    queryFn: ({ signal }) => listTipCategories(signal),
    staleTime: 10 * 60_000,
  });
  const english = i18n.resolvedLanguage === 'en';
  const items = useMemo(() => q.data?.items ?? [], [q.data]);
  const label = useCallback(
    (code: string) => {
      const c = items.find((x) => x.code === code);
      if (!c) return code;
      return english && c.label_en ? c.label_en : c.label;
    },
    [items, english],
  );
  return { categories: items, label, query: q };
}
