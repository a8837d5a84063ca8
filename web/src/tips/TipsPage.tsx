import { CheckSquareOutlined, FilterOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Checkbox, DatePicker, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { listTips, tipKeys, type TipListItem, type TipListQuery } from './api';
import ApiErrorAlert from '../components/ApiErrorAlert';
import TipIntakeDrawer from './TipIntakeDrawer';
import TipsTodo from './TipsTodo';
import { DueDate, TipStatusTag, useTipCategories } from './TipBits';
import UnitField from '../components/form/UnitField';
import { PERMISSIONS, hasPermission, useAuth } from '../accounts/auth';
import { formatDateTime, formatNumber } from '../lib/format';
import { PAGE_SIZES, useListParams } from '../components/listParams';
import { formatTrackingCode } from '../lib/tips';
import { TIP_STATUSES, sortStatuses } from './workflow';
import { useSelectedUnit } from '../components/useSelectedUnit';
import { usePageTitle } from '../components/usePageTitle';
import { useNarrow } from '../components/useBreakpoint';
import './tips.css';

const { Title, Paragraph, Text } = Typography;
// `held`: 'true' only the tips held for review during a flood, 'false' all but them, '' all
const FILTERS = ['status', 'category', 'from', 'to', 'overdue', 'assignee', 'q', 'held'] as const;
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
  const [text, setText] = useState(filters.q);
  const [assignee, setAssignee] = useState(filters.assignee);
  const [intakeOpen, setIntakeOpen] = useState(false);
  // on a phone the filters fold away behind a button; the search box stays
  const [showFilters, setShowFilters] = useState(false);
  const { categories, label: categoryLabel } = useTipCategories();
  const narrow = useNarrow();

  useEffect(() => setText(filters.q), [filters.q]);
  useEffect(() => setAssignee(filters.assignee), [filters.assignee]);

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

  const statuses = filters.status ? filters.status.split(',').filter(Boolean) : [];
  const anyFilter = FILTERS.some((k) => filters[k]) || !!unit;
  // filters in use besides the search box (shown on the phone's "Bộ lọc" button)
  const activeFilters = FILTERS.filter((k) => k !== 'q' && filters[k] && !(k === 'to' && filters.from)).length + (unit ? 1 : 0);
  const canWrite = hasPermission(user, PERMISSIONS.tipsWrite);

  const codeLink = (r: TipListItem) => (
    <Link to={`/tin-bao/${encodeURIComponent(String(r.id))}`} className="antq-tip-code" data-testid="tip-link">
      {formatTrackingCode(r.tracking_code)}
    </Link>
  );
  const badges = (r: TipListItem) => (
    <>
      {r.held_for_review && (
        <Tag color="volcano" data-testid="held-tag">
          {t('tips.held.tag')}
        </Tag>
      )}
      {r.anonymous && <Tag>{t('tips.anonymous')}</Tag>}
      {r.duplicates > 0 && (
        <Tag color="orange" icon={<WarningOutlined />}>
          {t('tips.duplicatesCount', { n: r.duplicates })}
        </Tag>
      )}
    </>
  );

  const columns: ColumnsType<TipListItem> = [
    { title: t('tips.col.code'), key: 'code', render: (_, r) => codeLink(r), width: 120 },
    {
      title: t('tips.col.receivedAt'),
      key: 'received_at',
      width: 150,
      render: (_, r) => (
        <div>
          <div className="antq-nowrap">{formatDateTime(r.received_at)}</div>
          <Text type="secondary">{t(`tips.channel.${r.channel}`, { defaultValue: r.channel })}</Text>
        </div>
      ),
    },
    {
      title: t('tips.col.excerpt'),
      key: 'excerpt',
      render: (_, r) => (
        <div className="antq-tip-excerpt">
          <Text strong>{categoryLabel(r.category)}</Text>
          <Paragraph ellipsis={{ rows: 2 }} className="antq-tip-excerpt__text">
            {r.excerpt}
          </Paragraph>
          <div>
            <Text type="secondary">{r.unit.name}</Text> {badges(r)}
          </div>
        </div>
      ),
    },
    { title: t('tips.col.status'), key: 'status', width: 150, render: (_, r) => <TipStatusTag status={r.status} /> },
    {
      title: t('tips.col.assignee'),
      key: 'assignee',
      width: 130,
      render: (_, r) => r.assignee ?? <Text type="secondary">{t('tips.unassigned')}</Text>,
    },
    { title: t('tips.col.due'), key: 'due', width: 140, render: (_, r) => <DueDate at={r.due_at} overdue={r.overdue} /> },
  ];

  const compactColumns: ColumnsType<TipListItem> = [
    {
      title: t('tips.col.tip'),
      key: 'tip',
      render: (_, r) => (
        <div className="antq-compact-row">
          <div className="antq-compact-row__head">
            {codeLink(r)}
            <TipStatusTag status={r.status} />
          </div>
          <Text strong>{categoryLabel(r.category)}</Text>
          <Paragraph ellipsis={{ rows: 2 }} className="antq-tip-excerpt__text">
            {r.excerpt}
          </Paragraph>
          <Text type="secondary">
            {r.unit.name} · {formatDateTime(r.received_at)}
          </Text>
          <div className="antq-compact-row__tags">
            <DueDate at={r.due_at} overdue={r.overdue} />
            {badges(r)}
          </div>
          <Text type="secondary">
            {t('tips.col.assignee')}: {r.assignee ?? t('tips.unassigned')}
          </Text>
        </div>
      ),
    },
  ];

  const size = tips.data?.per_page ?? perPage;

  return (
    <div className="antq-admin" data-testid="tips-page">
      <div className="antq-admin__head">
        <div>
          <Title level={1} className="antq-page-title">
            {t('tips.pageTitle')}
          </Title>
          <Paragraph type="secondary">{t('tips.intro')}</Paragraph>
        </div>
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
        </div>
      </div>

      {todo && <TipsTodo unit={unit} onShowAll={(f) => setFilters(f)} />}

      {(heldCount > 0 || filters.held) && (
        <Alert
          className="antq-block-sm"
          type="warning"
          showIcon
          data-testid="held-banner"
          message={heldCount > 0 ? t('tips.held.banner', { n: formatNumber(heldCount) }) : t(filters.held === 'true' ? 'tips.held.showingOnly' : 'tips.held.showingWithout')}
          description={
            <Space direction="vertical" size={8} style={{ width: '100%' }}>
              {heldCount > 0 && <span>{t('tips.held.bannerHint')}</span>}
              <Space wrap>
                {filters.held !== 'true' && heldCount > 0 && (
                  <Button icon={<FilterOutlined />} onClick={() => setFilters({ held: 'true' })} data-testid="held-only">
                    {t('tips.held.only')}
                  </Button>
                )}
                {filters.held !== 'false' && heldCount > 0 && (
                  <Button onClick={() => setFilters({ held: 'false' })} data-testid="held-hide">
                    {t('tips.held.hide')}
                  </Button>
                )}
                {filters.held && (
                  <Button onClick={() => setFilters({ held: '' })} data-testid="held-all">
                    {t('tips.held.all')}
                  </Button>
                )}
              </Space>
            </Space>
          }
        />
      )}

      <div className="antq-tip-filters" data-testid="tip-filters">
        <div className="antq-tip-filter antq-tip-filter--wide">
          <Input.Search
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={(v) => setFilters({ q: v })}
            placeholder={t('tips.filter.search')}
            aria-label={t('tips.filter.search')}
            enterButton={t('tips.filter.searchButton')}
            allowClear
            maxLength={200}
            data-testid="filter-q"
          />
        </div>
        {narrow && (
          <div className="antq-tip-filter">
            <Button onClick={() => setShowFilters(!showFilters)} aria-expanded={showFilters} data-testid="filters-toggle">
              {showFilters ? t('tips.filter.hide') : t('tips.filter.show', { n: activeFilters })}
            </Button>
          </div>
        )}
        {(!narrow || showFilters) && (
          <>
            <label className="antq-tip-filter">
              <span className="antq-tip-filter__label">{t('tips.filter.status')}</span>
              <Select
                mode="multiple"
                allowClear
                maxTagCount="responsive"
                placeholder={t('tips.filter.statusPlaceholder')}
                value={statuses}
                onChange={(v: string[]) => setFilters({ status: sortStatuses(v).join(',') })}
                options={TIP_STATUSES.map((s) => ({ value: s, label: t(`tips.status.${s}`) }))}
                data-testid="filter-status"
              />
            </label>
            <label className="antq-tip-filter">
              <span className="antq-tip-filter__label">{t('tips.filter.category')}</span>
              <Select
                allowClear
                placeholder={t('tips.filter.categoryPlaceholder')}
                value={filters.category || undefined}
                onChange={(v?: string) => setFilters({ category: v ?? '' })}
                options={categories.map((c) => ({ value: c.code, label: categoryLabel(c.code) }))}
              />
            </label>
            <div className="antq-tip-filter">
              <span className="antq-tip-filter__label">{t('tips.filter.unit')}</span>
              <UnitField value={unit} onChange={setUnit} />
            </div>
            <label className="antq-tip-filter">
              <span className="antq-tip-filter__label">{t('tips.filter.dates')}</span>
              <DatePicker.RangePicker
                format="DD/MM/YYYY"
                allowEmpty={[true, true]}
                placeholder={[t('tips.filter.from'), t('tips.filter.to')]}
                value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
                onChange={(v) =>
                  setFilters({ from: v?.[0]?.format('YYYY-MM-DD') ?? '', to: v?.[1]?.format('YYYY-MM-DD') ?? '' })
                }
                style={{ width: '100%' }}
              />
            </label>
            <label className="antq-tip-filter">
              <span className="antq-tip-filter__label">{t('tips.filter.assignee')}</span>
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  value={assignee}
                  placeholder={t('tips.filter.assigneePlaceholder')}
                  onChange={(e) => setAssignee(e.target.value)}
                  onPressEnter={() => setFilters({ assignee })}
                  onBlur={() => assignee !== filters.assignee && setFilters({ assignee })}
                  allowClear
                  maxLength={64}
                  autoComplete="off"
                />
                {user && (
                  <Button onClick={() => setFilters({ assignee: user.username })}>{t('tips.filter.mine')}</Button>
                )}
              </Space.Compact>
            </label>
            <div className="antq-tip-filter antq-tip-filter--check">
              <Checkbox
                checked={filters.overdue === 'true'}
                onChange={(e) => setFilters({ overdue: e.target.checked ? 'true' : '' })}
                data-testid="filter-overdue"
              >
                {t('tips.filter.overdue')}
              </Checkbox>
            </div>
            {anyFilter && (
              <div className="antq-tip-filter antq-tip-filter--check">
                <Button
                  onClick={() => {
                    setFilters(Object.fromEntries(FILTERS.map((k) => [k, ''])));
                    setUnit(null);
                  }}
                >
                  {t('tips.filter.reset')}
                </Button>
              </div>
            )}
          </>
        )}
      </div>

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
      {canWrite && <TipIntakeDrawer open={intakeOpen} defaultUnit={unit} onClose={() => setIntakeOpen(false)} />}
    </div>
  );
}
