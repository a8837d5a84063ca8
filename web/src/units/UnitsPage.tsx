import { ApartmentOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Breadcrumb, Button, Col, Descriptions, Input, List, Row, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getUnit, listUnits, queryKeys, searchUnits, type UnitDetail, type UnitSummary } from '../api';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { Link } from 'react-router';
import { hasPermission, useAuth } from '../accounts/auth';
import { formatDate, formatNumber } from '../lib/format';
import { datasetLabel, subkindLabel, unitKindColor, unitKindKey } from '../lib/units';
import { usePageTitle } from '../components/usePageTitle';
import { useSelectedUnit } from '../components/useSelectedUnit';
import AddUnitModal from './AddUnitModal';
import { canAddUnder, canManage, UNITS_WRITE } from './manage';
import PosterLink from './PosterLink';
import UnitActions from './UnitActions';
import './units.css';
import Card from '../components/Card';

const { Title, Paragraph, Text } = Typography;
const SEARCH_LIMIT = 20;
const MIN_QUERY = 2;

export default function Units() {
  const { t } = useTranslation();
  usePageTitle('units.pageTitle');
  const [code, setCode] = useSelectedUnit();
  const { user } = useAuth();
  const [adding, setAdding] = useState(false);

  const detail = useQuery({
    queryKey: queryKeys.unit(code ?? ''),
    queryFn: ({ signal }) => getUnit(code ?? '', signal),
    enabled: !!code,
    staleTime: 5 * 60_000,
    retry: false,
  });
  const children = useQuery({
    queryKey: queryKeys.unitChildren(code),
    queryFn: ({ signal }) => listUnits(code, signal),
    enabled: !code || detail.isSuccess,
    staleTime: 5 * 60_000,
    retry: false,
  });

  return (
    <div className="antq-units">
      <Title level={1} className="antq-page-title">
        {t('units.pageTitle')}
      </Title>
      <Paragraph type="secondary">{t('units.intro')}</Paragraph>
      {hasPermission(user, UNITS_WRITE) && (
        <Paragraph>
          <Link to="/units/cho-phan-ve-xa" data-testid="reform-pending-link">
            {t('units.reform.link')}
          </Link>
        </Paragraph>
      )}

      <UnitSearch onPick={setCode} />

      {code && detail.isError && (
        <div className="antq-block">
          <ApiErrorAlert error={detail.error} />
        </div>
      )}
      {!code && <Alert className="antq-block" type="info" showIcon message={t('units.top.noSelection')} />}

      <Row gutter={[16, 16]} className="antq-block">
        {code && detail.data && (
          <Col xs={24} lg={10}>
            <UnitDetailCard unit={detail.data} onPick={setCode} manage={canManage(user, detail.data)} />
          </Col>
        )}
        {(!code || detail.data) && (
          <Col xs={24} lg={code ? 14 : 24}>
            <Card
              title={
                children.data
                  ? t(code ? 'units.children.title' : 'units.top.title', { n: formatNumber(children.data.items.length) })
                  : t(code ? 'units.children.title' : 'units.top.title', { n: '…' })
              }
              data-testid="unit-children"
            >
              {code && detail.data && canAddUnder(user, detail.data) && (
                // in the card, not its header: the header has no room for it on a phone
                <div className="antq-units-add">
                  <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)} data-testid="unit-add">
                    {t('units.manage.addButton')}
                  </Button>
                </div>
              )}
              {children.isError ? (
                <ApiErrorAlert error={children.error} onRetry={() => void children.refetch()} />
              ) : (
                <ChildrenTable items={children.data?.items ?? []} loading={children.isPending} onPick={setCode} />
              )}
            </Card>
          </Col>
        )}
      </Row>
      {adding && detail.data && (
        <AddUnitModal parent={detail.data} open onClose={() => setAdding(false)} onCreated={() => setAdding(false)} />
      )}
    </div>
  );
}

function UnitSearch({ onPick }: { onPick: (code: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');

  // search as one types, a moment after the last key
  useEffect(() => {
    const id = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(id);
  }, [text]);

  const results = useQuery({
    queryKey: queryKeys.unitSearch(q, SEARCH_LIMIT),
    queryFn: ({ signal }) => searchUnits(q, SEARCH_LIMIT, signal),
    enabled: q.length >= MIN_QUERY,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
  const active = q.length >= MIN_QUERY;

  return (
    <Card size="small" className="antq-block" data-testid="unit-search">
      <label htmlFor="antq-unit-search" className="antq-field-label">
        {t('units.search.label')}
      </label>
      <Input.Search
        id="antq-unit-search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onSearch={(v) => setQ(v.trim())}
        placeholder={t('units.search.placeholder')}
        enterButton={t('units.search.button')}
        allowClear
        loading={results.isFetching}
        maxLength={100}
        autoComplete="off"
      />
      {!active && (
        <Text type="secondary" className="antq-hint">
          {t('units.search.hint')}
        </Text>
      )}
      {active && results.isError && (
        <div className="antq-block-sm">
          <ApiErrorAlert error={results.error} />
        </div>
      )}
      {active && results.data && (
        <List
          className="antq-search-results"
          data-testid="unit-search-results"
          size="small"
          header={<Text type="secondary">{t('units.search.results', { n: formatNumber(results.data.items.length) })}</Text>}
          locale={{ emptyText: t('units.search.none', { q }) }}
          dataSource={results.data.items}
          renderItem={(u) => (
            <List.Item
              key={u.code}
              actions={[
                <Tag key="kind" color={unitKindColor(u.kind)}>
                  {t(unitKindKey(u.kind))}
                </Tag>,
              ]}
            >
              <List.Item.Meta
                title={
                  <Button type="link" className="antq-link-button" onClick={() => onPick(u.code)}>
                    {u.full_name}
                  </Button>
                }
                description={u.parent_full_name ?? undefined}
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

function UnitDetailCard({ unit, onPick, manage }: { unit: UnitDetail; onPick: (code: string | null) => void; manage: boolean }) {
  const { t } = useTranslation();
  const parent = unit.ancestors[unit.ancestors.length - 1];
  const none = t('units.detail.none');
  return (
    <Card
      title={
        <span>
          <ApartmentOutlined /> {t('units.detail.title')}
        </span>
      }
      data-testid="unit-detail"
    >
      <Breadcrumb
        className="antq-block-sm"
        data-testid="unit-breadcrumb"
        items={[
          { key: 'root', title: <a onClick={() => onPick(null)}>{t('units.root')}</a> },
          ...unit.ancestors.map((a) => ({ key: a.code, title: <a onClick={() => onPick(a.code)}>{a.full_name}</a> })),
          { key: unit.code, title: unit.full_name },
        ]}
      />
      <Title level={2} className="antq-unit-name" data-testid="unit-name">
        {unit.full_name}
      </Title>
      <Descriptions column={1} size="small" bordered className="antq-descriptions">
        <Descriptions.Item label={t('units.detail.code')}>
          <Text code copyable>
            {unit.code}
          </Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('units.detail.kind')}>
          <Tag color={unitKindColor(unit.kind)} data-testid="unit-kind">
            {t(unitKindKey(unit.kind))}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('units.detail.subkind')}>{subkindLabel(t, unit.subkind) || none}</Descriptions.Item>
        <Descriptions.Item label={t('units.detail.parent')}>
          {parent ? <a onClick={() => onPick(parent.code)}>{parent.full_name}</a> : none}
        </Descriptions.Item>
        <Descriptions.Item label={t('units.detail.status')}>
          <Tag color={unit.active ? 'success' : 'default'}>{t(unit.active ? 'units.detail.active' : 'units.detail.inactive')}</Tag>
        </Descriptions.Item>
        {unit.retired_on && <Descriptions.Item label={t('units.detail.retiredOn')}>{formatDate(unit.retired_on)}</Descriptions.Item>}
        {unit.successor && (
          <Descriptions.Item label={t('units.detail.successor')}>
            <a onClick={() => onPick(unit.successor!.code)}>{unit.successor.full_name}</a>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('units.detail.dataset')}>{datasetLabel(t, unit.dataset) || none}</Descriptions.Item>
      </Descriptions>
      {unit.active && (
        // full width below the table: the explanation when it cannot be printed is a paragraph
        <section className="antq-unit-poster-block" aria-label={t('units.manage.posterLabel')}>
          <PosterLink code={unit.code} />
        </section>
      )}
      {manage && <UnitActions unit={unit} onMoved={onPick} />}
    </Card>
  );
}

function ChildrenTable({ items, loading, onPick }: { items: UnitSummary[]; loading: boolean; onPick: (code: string) => void }) {
  const { t } = useTranslation();
  const columns: ColumnsType<UnitSummary> = [
    {
      key: 'name',
      title: t('units.col.name'),
      dataIndex: 'full_name',
      render: (_, u) => (
        <Button type="link" className="antq-link-button" onClick={() => onPick(u.code)}>
          {u.full_name}
        </Button>
      ),
    },
    {
      key: 'kind',
      title: t('units.col.kind'),
      dataIndex: 'kind',
      responsive: ['sm'],
      render: (kind: string, u) => (
        <>
          <Tag color={unitKindColor(kind)}>{t(unitKindKey(kind))}</Tag>
          {kind === 'establishment' && u.subkind && <Text type="secondary">{subkindLabel(t, u.subkind)}</Text>}
        </>
      ),
    },
    {
      key: 'code',
      title: t('units.col.code'),
      dataIndex: 'code',
      responsive: ['md'],
      render: (c: string) => <Text type="secondary">{c}</Text>,
    },
    {
      key: 'open',
      title: <span className="antq-sr-only">{t('units.col.open')}</span>,
      width: 48,
      align: 'right',
      render: (_, u) =>
        u.has_children ? (
          <Button
            type="text"
            size="small"
            icon={<RightOutlined />}
            aria-label={`${t('units.col.open')} ${u.full_name}`}
            onClick={() => onPick(u.code)}
          />
        ) : null,
    },
  ];
  return (
    <Table<UnitSummary>
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      locale={{ emptyText: t('units.children.empty') }}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false, size: 'small' }}
    />
  );
}
