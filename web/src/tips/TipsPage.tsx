import { CheckSquareOutlined, PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Spin } from 'antd';
import { Suspense, lazy, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PERMISSIONS, hasPermission, useAuth } from '../accounts/auth';
import ImportButton from '../imports/ImportButton';
import { TIPS_TARGET } from '../imports/targets';
import { useListParams } from '../components/listParams';
import { usePageTitle } from '../components/usePageTitle';
import { useSelectedUnit } from '../components/useSelectedUnit';
import { useAfterPageShown } from '../shell/useAfterPageShown';
import { listTips, tipKeys, type TipListQuery } from './api';
import HeldBanner from './HeldBanner';
import { FILTERS } from './filters';
import TipsTodo from './TipsTodo';
import './tips.css';
import PageHead from '../components/PageHead';
import OnceOpened from '../components/OnceOpened';
import { TASKS_VIEW } from './paths';

// the intake form (a form, a date picker, the "created" dialog) loads when first opened
const TipIntakeDrawer = lazy(() => import('./TipIntakeDrawer'));
// the filters and the table (App.tsx asks for it with this page, but for the to-do view)
const TipsInbox = lazy(() => import('./TipsInbox'));

/** `/tin-bao`: the inbox of tips in the user's area, with filters kept in the address. */
export default function Tips() {
  const { t } = useTranslation();
  usePageTitle('tips.pageTitle');
  const { user } = useAuth();
  const { filters, page, perPage, setFilters, setPage } = useListParams(FILTERS);
  const view = useListParams(['xem'] as const);
  const todo = view.filters.xem === TASKS_VIEW;
  const [unit, setUnit] = useSelectedUnit();
  const [intakeOpen, setIntakeOpen] = useState(false);
  // Under the to-do panel, where a police officer lands, the inbox loads once the panel is shown:
  // the panel is the first page, what a phone on a slow network shows first.
  const inboxLater = useAfterPageShown();
  const showInbox = !todo || inboxLater;

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

  return (
    <div className="antq-admin" data-testid="tips-page">
      <PageHead title={t('tips.pageTitle')} intro={t('tips.intro')}>
        <div className="antq-admin__actions">
          <Button
            icon={<CheckSquareOutlined />}
            aria-pressed={todo}
            type={todo ? 'default' : 'dashed'}
            onClick={() => view.setFilters({ xem: todo ? '' : TASKS_VIEW })}
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

      {showInbox ? (
        <Suspense fallback={<InboxLoading />}>
          <TipsInbox
            tips={tips}
            filters={filters}
            setFilters={setFilters}
            unit={unit}
            setUnit={setUnit}
            page={page}
            perPage={perPage}
            setPage={setPage}
            anyFilter={anyFilter}
          />
        </Suspense>
      ) : (
        <InboxLoading />
      )}
      {canWrite && (
        <OnceOpened open={intakeOpen}>
          <TipIntakeDrawer open={intakeOpen} defaultUnit={unit} onClose={() => setIntakeOpen(false)} />
        </OnceOpened>
      )}
    </div>
  );
}

/** The inbox's place while its code loads. */
function InboxLoading() {
  return (
    <div className="antq-block antq-tips-inbox-loading" aria-busy="true">
      <Spin />
    </div>
  );
}
