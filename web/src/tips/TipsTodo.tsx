/**
 * "Việc cần làm": what a police officer lands on after logging in — the new tips not yet taken up,
 * the overdue ones and the nearest deadlines of the open ones, each a link to the tip.
 */
import { ClockCircleOutlined, InboxOutlined, WarningOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listTips, tipKeys, type TipListItem, type TipListQuery } from './api';
import { formatNumber } from '../lib/format';
import { formatTrackingCode } from '../lib/tips';
import { OPEN_STATUSES } from './workflow';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { DueDate, useTipCategories } from './TipBits';
import Card from '../components/Card';
import LoadingLines from '../components/LoadingLines';

const SHOWN = 5;

interface Props {
  unit: string | null;
  /** Applies the inbox filters that show the whole list behind a card. */
  onShowAll: (filters: { status?: string; overdue?: string }) => void;
}

export default function TipsTodo({ unit, onShowAll }: Props) {
  const { t } = useTranslation();
  const fresh = useTipList({ status: 'received', unit: unit ?? undefined, per_page: SHOWN });
  const overdue = useTipList({ overdue: true, unit: unit ?? undefined, per_page: SHOWN });
  const open = useTipList({ status: OPEN_STATUSES.join(','), unit: unit ?? undefined, per_page: 100 });
  // the nearest deadlines of the open tips not yet past them
  const soon = (open.data?.items ?? [])
    .filter((r) => r.due_at && !r.overdue)
    .sort((a, b) => (a.due_at! < b.due_at! ? -1 : a.due_at! > b.due_at! ? 1 : 0))
    .slice(0, SHOWN);

  return (
    <section className="antq-todo" data-testid="tips-todo" aria-labelledby="tips-todo-title">
      <Typography.Title level={2} id="tips-todo-title" className="antq-todo__title">
        {t('tips.todo.title')}
      </Typography.Title>
      <div className="antq-todo__cards">
        <TodoCard
          testId="todo-new"
          icon={<InboxOutlined />}
          title={t('tips.todo.new')}
          total={fresh.data?.total}
          loading={fresh.isPending}
          error={fresh.error}
          items={fresh.data?.items ?? []}
          empty={t('tips.todo.noneNew')}
          onShowAll={() => onShowAll({ status: 'received', overdue: '' })}
        />
        <TodoCard
          testId="todo-overdue"
          danger
          icon={<WarningOutlined />}
          title={t('tips.todo.overdue')}
          total={overdue.data?.total}
          loading={overdue.isPending}
          error={overdue.error}
          items={overdue.data?.items ?? []}
          empty={t('tips.todo.noneOverdue')}
          onShowAll={() => onShowAll({ status: '', overdue: 'true' })}
        />
        <TodoCard
          testId="todo-due"
          icon={<ClockCircleOutlined />}
          title={t('tips.todo.due')}
          total={soon.length}
          loading={open.isPending}
          error={open.error}
          items={soon}
          empty={t('tips.todo.noneDue')}
          onShowAll={() => onShowAll({ status: OPEN_STATUSES.join(','), overdue: '' })}
        />
      </div>
    </section>
  );
}

function useTipList(query: TipListQuery) {
  return useQuery({
    queryKey: tipKeys.list(query),
    queryFn: ({ signal }) => listTips(query, signal),
    refetchInterval: 60_000,
  });
}

function TodoCard(props: {
  testId: string;
  icon: ReactNode;
  title: string;
  total: number | undefined;
  loading: boolean;
  error: unknown;
  items: TipListItem[];
  empty: string;
  danger?: boolean;
  onShowAll: () => void;
}) {
  const { t } = useTranslation();
  const { label } = useTipCategories();
  const { testId, icon, title, total, loading, error, items, empty, danger, onShowAll } = props;
  return (
    <Card
      size="small"
      className={danger && total ? 'antq-todo__card antq-todo__card--danger' : 'antq-todo__card'}
      aria-busy={loading}
      data-testid={testId}
    >
      <div className="antq-todo__head">
        <span className="antq-todo__icon" aria-hidden>
          {icon}
        </span>
        <span className="antq-todo__name">{title}</span>
        <span className="antq-todo__count" data-testid={`${testId}-count`}>
          {total === undefined ? '…' : formatNumber(total)}
        </span>
      </div>
      {error ? (
        <ApiErrorAlert error={error} />
      ) : loading ? (
        <LoadingLines rows={2} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} className="antq-todo__empty" />
      ) : (
        <ul className="antq-todo__list">
          {items.map((r) => (
            <li key={String(r.id)}>
              <Link to={`/tin-bao/${encodeURIComponent(String(r.id))}`} className="antq-tip-code" data-testid="todo-tip">
                {formatTrackingCode(r.tracking_code)}
              </Link>
              <span className="antq-todo__what">
                {label(r.category)} · {r.unit.name}
              </span>
              <DueDate at={r.due_at} overdue={r.overdue} />
            </li>
          ))}
        </ul>
      )}
      <Button type="link" className="antq-todo__all" onClick={onShowAll}>
        {t('tips.todo.showAll')}
      </Button>
    </Card>
  );
}
