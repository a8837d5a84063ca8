import { CheckSquareOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Table } from 'antd';
import { lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERMISSIONS, hasPermission, useAuth } from '../accounts/auth';
import ApiErrorAlert from '../components/ApiErrorAlert';
import ImportButton from '../imports/ImportButton';
import { TIPS_TARGET } from '../imports/targets';
import { PAGE_SIZES, useListParams } from '../components/listParams';
import { useNarrow } from '../components/useBreakpoint';
import { usePageTitle } from '../components/usePageTitle';
import { useSelectedUnit } from '../components/useSelectedUnit';
import { formatNumber } from '../lib/format';
import { listTips, tipKeys, type TipListItem, type TipListQuery } from './api';
import HeldBanner from './HeldBanner';
import { useTipColumns } from './tipColumns';
import TipFilters, { FILTERS } from './TipFilters';
import TipsTodo from './TipsTodo';
import './tips.css';
import PageHead from '../components/PageHead';
import OnceOpened from '../components/OnceOpened';

// the intake form (a form, a date picker, the "created" dialog) loads when first opened
const TipIntakeDrawer = lazy(() => import('./TipIntakeDrawer'));

/** `?xem=viec-can-lam`: the to-do panel above the inbox (where a police officer lands after login). */
export const TODO_VIEW = 'viec-can-lam';

/** `/tin-bao`: the inbox of tips in the user's area, with filters kept in the address. */
export default function Tips() {
  const { t } = useTranslation();
  usePageTitle('tips.pageTitle');
  const { user } = useAuth();
  const { filters, page, perPage, setFilters, setPage } = useListParams(FILTERS);
  const view = useListParams(['xem'] as const);
  const todo = view.filters.xem === TODO_VIEW;
  const [unit, setUnit] = useSelectedUnit();
  const [intakeOpen, setIntakeOpen] = useState(false);
  const narrow = useNarrow();

  const query: TipListQuery = {
    status: filters.status || undefined,
    category: filters.category || undefined,
    unit: unit ?? undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
    overdue: filters.overdue === 'true' || undefined,
    assignee: filters.assignee || undefined,
    q: filters.q || undefined,
    held: filters.held === 'true' ? true : filters.held === 'false' ? false : undefined,
    page,
    per_page: perPage,
  };
  const tips = useQuery({
    queryKey: tipKeys.list(query),
    queryFn: ({ signal }) => listTips(query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
  // how many tips of the area (or the chosen unit) wait to be screened after a flood
  const heldQuery: TipListQuery = { unit: unit ?? undefined, held: true, per_page: 1 };
  const held = useQuery({
    queryKey: tipKeys.list(heldQuery),
    queryFn: ({ signal }) => listTips(heldQuery, signal),
    refetchInterval: 60_000,
  });
  const heldCount = held.data?.total ?? 0;

  const anyFilter = FILTERS.some((k) => filters[k]) || !!unit;
  const canWrite = hasPermission(user, PERMISSIONS.tipsWrite);

  const { columns, compactColumns } = useTipColumns();

  const size = tips.data?.per_page ?? perPage;

  return (
    <div className="antq-admin" data-testid="tips-page">
      <PageHead title={t('tips.pageTitle')} intro={t('tips.intro')}>
        <div className="antq-admin__actions">
          <Button
            icon={<CheckSquareOutlined />}
            aria-pressed={todo}
            type={todo ? 'default' : 'dashed'}
            onClick={() => view.setFilters({ xem: todo ? '' : TODO_VIEW })}
            data-testid="tips-todo-toggle"
          >
            {todo ? t('tips.todo.hide') : t('tips.todo.show')}
          </Button>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setIntakeOpen(true)} data-testid="tip-add">
              {t('tips.add')}
            </Button>
          )}
          {/* past years' tips copied from the paper book (who may write tips may import them) */}
          {canWrite && <ImportButton target={TIPS_TARGET} />}
        </div>
      </PageHead>

      {todo && <TipsTodo unit={unit} onShowAll={(f) => setFilters(f)} />}

      <HeldBanner heldCount={heldCount} held={filters.held} setFilters={setFilters} />

      <TipFilters filters={filters} setFilters={setFilters} unit={unit} setUnit={setUnit} />

      {tips.isError && (
        <div className="antq-block-sm">
          <ApiErrorAlert error={tips.error} onRetry={() => void tips.refetch()} />
        </div>
      )}

      <Table<TipListItem>
        className="antq-block"
        data-testid="tips-table"
        rowKey={(r) => String(r.id)}
        size="middle"
        columns={narrow ? compactColumns : columns}
        dataSource={tips.data?.items ?? []}
        // the overlay only while nothing (or an older page) is shown, not on background refreshes
        loading={tips.isPending || (tips.isFetching && tips.isPlaceholderData)}
        rowClassName={(r) => (r.overdue ? 'antq-row-overdue' : '')}
        scroll={narrow ? undefined : { x: 900 }}
        locale={{ emptyText: anyFilter ? t('tips.noneFiltered') : t('tips.none') }}
        pagination={{
          current: tips.data?.page ?? page,
          pageSize: size,
          total: tips.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES.map(String),
          showSizeChanger: true,
          showTotal: (total) => t('tips.total', { n: formatNumber(total) }),
          onChange: setPage,
        }}
      />
      {canWrite && (
        <OnceOpened open={intakeOpen}>
          <TipIntakeDrawer open={intakeOpen} defaultUnit={unit} onClose={() => setIntakeOpen(false)} />
        </OnceOpened>
      )}
    </div>
  );
}
