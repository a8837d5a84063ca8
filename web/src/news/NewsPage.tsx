/**
 * `/tin-tuc-canh-bao`: the area's posts (filters status and kind in the address) with their figures
 * (recipients, sent, failed, views), and the approval queue (status pending) for `news.approve`.
 */
import { EditOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Table, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
// the module's texts (news.*), added to i18next when one of its pages loads
import './i18n';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { SelectFilter, UnitFilter } from '../components/FilterBar';
import PageHead from '../components/PageHead';
import { PAGE_SIZES, listQuery, useListParams } from '../components/listParams';
import { useNarrow } from '../components/useBreakpoint';
import { usePageTitle } from '../components/usePageTitle';
import { useSelectedUnit } from '../components/useSelectedUnit';
import { formatDateTime, formatNumber } from '../lib/format';
import { NEWS_KINDS, NEWS_STATUSES, listNews, newsKeys, type NewsPost } from './api';
import { NEWS_NEW_PATH, newsPath } from './paths';
import { KindTag, NewsGate, PriorityTag, StatusTag, useNewsRights } from './tags';

const { Text } = Typography;
const LIST_KEYS = ['status', 'kind'] as const;

export default function NewsPage() {
  return (
    <NewsGate>
      <News />
    </NewsGate>
  );
}

function News() {
  const { t } = useTranslation();
  usePageTitle('news.title');
  const rights = useNewsRights();
  const [params, setParams] = useSearchParams();
  const tab = rights.approve && params.get('tab') === 'pending' ? 'pending' : 'all';
  const setTab = (next: string) =>
    setParams((prev) => {
      const p = new URLSearchParams();
      const unit = prev.get('unit');
      if (unit) p.set('unit', unit);
      if (next === 'pending') p.set('tab', 'pending');
      return p;
    });
  return (
    <div className="antq-admin antq-news-page" data-testid="news-admin">
      <PageHead title={t('news.title')} intro={t('news.intro')}>
        {rights.write && (
          <Link to={NEWS_NEW_PATH}>
            <Button type="primary" icon={<EditOutlined />} data-testid="news-compose">
              {t('news.compose')}
            </Button>
          </Link>
        )}
      </PageHead>
      {rights.approve ? (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          destroyOnHidden
          items={[
            { key: 'all', label: t('news.tabs.all'), children: <NewsList /> },
            { key: 'pending', label: <span data-testid="news-tab-pending">{t('news.tabs.pending')}</span>, children: <NewsList pending /> },
          ]}
        />
      ) : (
        <NewsList />
      )}
    </div>
  );
}

function NewsList({ pending }: { pending?: boolean }) {
  const { t } = useTranslation();
  const narrow = useNarrow();
  const { filters, page, perPage, setFilters, setPage } = useListParams(LIST_KEYS);
  const [unit, setUnit] = useSelectedUnit();
  const query = { unit: unit ?? undefined, ...listQuery(filters, page, perPage), ...(pending ? { status: 'pending' } : {}) };
  const list = useQuery({
    queryKey: newsKeys.list(query),
    queryFn: ({ signal }) => listNews(query, signal),
    placeholderData: keepPreviousData,
  });
  const n = (v: number | null | undefined) => formatNumber(v ?? 0);
  const title = (p: NewsPost) => (
    <span className="antq-news-title">
      <Link to={newsPath(p.id)} data-testid="news-link">
        {p.title}
      </Link>
    </span>
  );
  const when = (p: NewsPost) => <span className="antq-nowrap">{formatDateTime(p.published_at ?? p.publish_at ?? p.updated_at)}</span>;
  const columns: ColumnsType<NewsPost> = [
    { title: t('news.list.title'), key: 'title', render: (_, p) => title(p) },
    {
      title: t('news.list.kind'),
      key: 'kind',
      width: 150,
      render: (_, p) => (
        <>
          <KindTag kind={p.kind} />
          <PriorityTag post={p} />
        </>
      ),
    },
    { title: t('news.list.status'), key: 'status', width: 130, render: (_, p) => <StatusTag post={p} /> },
    { title: t('news.list.unit'), key: 'unit', width: 160, render: (_, p) => p.unit?.name },
    { title: t('news.list.published'), key: 'published', width: 140, render: (_, p) => when(p) },
    ...(['recipients', 'sent', 'failed', 'views'] as const).map((k) => ({
      title: t(`news.list.${k}`),
      key: k,
      width: 95,
      align: 'right' as const,
      render: (_: unknown, p: NewsPost) => <span data-testid={`news-figure-${k}`}>{n(p.figures?.[k])}</span>,
    })),
  ];
  const compact: ColumnsType<NewsPost> = [
    {
      key: 'card',
      render: (_, p) => (
        <div className="antq-compact-row" data-testid="news-card">
          <div className="antq-compact-row__head">
            {title(p)}
            <StatusTag post={p} />
          </div>
          <div>
            <KindTag kind={p.kind} />
            <PriorityTag post={p} /> <Text type="secondary">{when(p)}</Text>
          </div>
          <Text type="secondary">
            {t('news.list.figures', {
              recipients: n(p.figures?.recipients),
              sent: n(p.figures?.sent),
              failed: n(p.figures?.failed),
              views: n(p.figures?.views),
            })}
          </Text>
        </div>
      ),
    },
  ];
  const anyFilter = LIST_KEYS.some((k) => filters[k]) || !!unit;
  return (
    <>
      <NewsFilters pending={pending} filters={filters} setFilters={setFilters} unit={unit} setUnit={setUnit} />
      <div className="antq-reg-toolbar">
        <Text type="secondary" data-testid="news-total">
          {list.data ? t('news.list.total', { n: formatNumber(list.data.total) }) : ''}
        </Text>
      </div>
      {list.isError && <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<NewsPost>
        className="antq-block"
        data-testid="news-table"
        rowKey={(p) => String(p.id)}
        size="middle"
        columns={narrow ? compact : columns}
        showHeader={!narrow}
        dataSource={list.data?.items ?? []}
        loading={list.isPending}
        scroll={narrow ? undefined : { x: 1000 }}
        locale={{ emptyText: anyFilter ? t('registers.list.noneFiltered') : pending ? t('news.list.nonePending') : t('news.list.none') }}
        pagination={{
          current: list.data?.page ?? page,
          pageSize: list.data?.per_page ?? perPage,
          total: list.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES.map(String),
          showSizeChanger: !narrow,
          size: narrow ? 'small' : undefined,
          onChange: setPage,
        }}
      />
    </>
  );
}

/** The list's filters: the unit, the status (not in the approval queue), the kind. */
function NewsFilters({
  pending,
  filters,
  setFilters,
  unit,
  setUnit,
}: {
  pending?: boolean;
  filters: Record<(typeof LIST_KEYS)[number], string>;
  setFilters: (changes: Partial<Record<(typeof LIST_KEYS)[number], string>>) => void;
  unit: string | null;
  setUnit: (unit: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="antq-reg-filters" data-testid="news-filters">
      <UnitFilter label={t('news.list.area')} unit={unit} setUnit={setUnit} />
      {!pending && (
        <SelectFilter
          label={t('news.list.status')}
          placeholder={t('registers.list.all')}
          value={filters.status}
          onChange={(status) => setFilters({ status })}
          options={NEWS_STATUSES.map((s) => ({ value: s, label: t(`news.status.${s}`) }))}
          testId="news-filter-status"
        />
      )}
      <SelectFilter
        label={t('news.list.kind')}
        placeholder={t('registers.list.all')}
        value={filters.kind}
        onChange={(kind) => setFilters({ kind })}
        options={NEWS_KINDS.map((k) => ({ value: k, label: t(`news.kind.${k}`) }))}
        testId="news-filter-kind"
      />
    </div>
  );
}
