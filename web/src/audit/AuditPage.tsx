import { SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Input, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { auditKeys, listAudit, verifyAudit, type AuditEntry, type AuditVerify } from './api';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, auditLabel, auditOptions } from './labels';
import { formatDateTime, formatNumber } from '../lib/format';
import { matchOption } from '../lib/units';
import { PAGE_SIZES, useListParams } from '../components/listParams';
import { usePageTitle } from '../components/usePageTitle';
import { useNarrow } from '../components/useBreakpoint';
import './audit.css';

const { Title, Paragraph, Text } = Typography;

const FILTERS = ['actor', 'action', 'entity', 'from', 'to'] as const;
const API_DATE = 'YYYY-MM-DD';
const SHOWN_DATE = 'DD/MM/YYYY';

interface FilterValues {
  actor?: string;
  action?: string;
  entity?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

function toDay(value: string): Dayjs | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const d = dayjs(value);
  return d.isValid() ? d : null;
}

/** The audit trail: who did what, when, to what and why; filters, paging and the hash chain check. */
export default function Audit() {
  const { t } = useTranslation();
  usePageTitle('audit.pageTitle');
  const { filters, page, perPage, setFilters, setPage } = useListParams(FILTERS);
  const [form] = Form.useForm<FilterValues>();

  // the form shows what the URL says (after a reload, the browser's back button, …)
  useEffect(() => {
    form.setFieldsValue({
      actor: filters.actor,
      action: filters.action || undefined,
      entity: filters.entity || undefined,
      from: toDay(filters.from),
      to: toDay(filters.to),
    });
  }, [form, filters.actor, filters.action, filters.entity, filters.from, filters.to]);

  const query = {
    actor: filters.actor || undefined,
    action: filters.action || undefined,
    entity: filters.entity || undefined,
    from: filters.from || undefined,
    to: filters.to || undefined,
    page,
    per_page: perPage,
  };
  const entries = useQuery({
    queryKey: auditKeys.list(query),
    queryFn: ({ signal }) => listAudit(query, signal),
    placeholderData: keepPreviousData,
  });
  const verify = useMutation({ mutationFn: () => verifyAudit() });

  const apply = (v: FilterValues) =>
    setFilters({
      actor: v.actor ?? '',
      action: v.action ?? '',
      entity: v.entity ?? '',
      from: v.from ? v.from.format(API_DATE) : '',
      to: v.to ? v.to.format(API_DATE) : '',
    });
  const clear = () => {
    form.resetFields();
    setFilters({ actor: '', action: '', entity: '', from: '', to: '' });
  };

  const narrow = useNarrow();

  // the action in words; an action this page does not know yet shows its code
  const actionCell = (action: string) => (
    <div className="antq-audit-code">
      <span data-testid="audit-action">{auditLabel(t, 'auditAction', action)}</span>
    </div>
  );
  const entityCell = (e: AuditEntry) =>
    e.entity ? (
      <div className="antq-audit-code">
        <span>{auditLabel(t, 'auditEntity', e.entity)}</span>
        {e.entity_id && <Text code>{e.entity_id}</Text>}
      </div>
    ) : (
      <Text type="secondary">—</Text>
    );
  const requestIdCell = (id: string | null) =>
    id ? (
      <Text code copyable={{ text: id }} className="antq-nowrap">
        {id}
      </Text>
    ) : (
      <Text type="secondary">—</Text>
    );
  const actorCell = (actor: string | null) => actor || <Text type="secondary">{t('audit.system')}</Text>;

  // a phone has no room for six columns: one column with the same facts, stacked
  const compactColumns: ColumnsType<AuditEntry> = [
    {
      title: t('audit.col.entry'),
      key: 'entry',
      render: (_, e) => (
        <div className="antq-compact-row">
          <div className="antq-compact-row__head">
            <Text strong className="antq-nowrap">
              {formatDateTime(e.at, { seconds: true })}
            </Text>
            <span>{actorCell(e.actor)}</span>
          </div>
          {actionCell(e.action)}
          {e.entity && (
            <div>
              <Text type="secondary">{t('audit.col.entity')}: </Text>
              <span>{auditLabel(t, 'auditEntity', e.entity)}</span> {e.entity_id && <Text code>{e.entity_id}</Text>}
            </div>
          )}
          {e.reason && (
            <div>
              <Text type="secondary">{t('audit.col.reason')}: </Text>
              {e.reason}
            </div>
          )}
          {e.request_id && (
            <div>
              <Text type="secondary">{t('audit.col.requestId')}: </Text>
              {requestIdCell(e.request_id)}
            </div>
          )}
        </div>
      ),
    },
  ];

  const columns: ColumnsType<AuditEntry> = [
    {
      title: t('audit.col.at'),
      dataIndex: 'at',
      key: 'at',
      width: 170,
      render: (at: string) => <span className="antq-nowrap">{formatDateTime(at, { seconds: true })}</span>,
    },
    { title: t('audit.col.actor'), dataIndex: 'actor', key: 'actor', render: actorCell },
    { title: t('audit.col.action'), dataIndex: 'action', key: 'action', render: actionCell },
    { title: t('audit.col.entity'), key: 'entity', render: (_, e) => entityCell(e) },
    {
      title: t('audit.col.reason'),
      dataIndex: 'reason',
      key: 'reason',
      render: (reason: string | null) => reason || <Text type="secondary">—</Text>,
    },
    {
      title: t('audit.col.requestId'),
      dataIndex: 'request_id',
      key: 'request_id',
      render: requestIdCell,
    },
  ];

  return (
    <div className="antq-admin" data-testid="audit-page">
      <div className="antq-admin__head">
        <div>
          <Title level={1} className="antq-page-title">
            {t('audit.pageTitle')}
          </Title>
          <Paragraph type="secondary">{t('audit.intro')}</Paragraph>
        </div>
        <Button
          icon={<SafetyCertificateOutlined />}
          loading={verify.isPending}
          onClick={() => verify.mutate()}
          data-testid="audit-verify"
        >
          {t('audit.verify.button')}
        </Button>
      </div>

      {verify.isError && (
        <div className="antq-block-sm">
          <ApiErrorAlert error={verify.error} />
        </div>
      )}
      {verify.data && <VerifyResult result={verify.data} onClose={() => verify.reset()} />}

      <Form<FilterValues> form={form} layout="vertical" onFinish={apply} className="antq-filters" data-testid="audit-filters">
        <Form.Item name="actor" label={t('audit.filter.actor')}>
          <Input allowClear maxLength={64} autoComplete="off" placeholder={t('audit.filter.actorPlaceholder')} />
        </Form.Item>
        <Form.Item name="action" label={t('audit.filter.action')}>
          <Select
            allowClear
            showSearch
            placeholder={t('audit.filter.actionPlaceholder')}
            options={auditOptions(t, 'auditAction', AUDIT_ACTIONS)}
            filterOption={matchOption}
            popupMatchSelectWidth={320}
            data-testid="audit-filter-action"
          />
        </Form.Item>
        <Form.Item name="entity" label={t('audit.filter.entity')}>
          <Select
            allowClear
            showSearch
            placeholder={t('audit.filter.entityPlaceholder')}
            options={auditOptions(t, 'auditEntity', AUDIT_ENTITIES)}
            filterOption={matchOption}
            popupMatchSelectWidth={280}
            data-testid="audit-filter-entity"
          />
        </Form.Item>
        <Form.Item name="from" label={t('audit.filter.from')}>
          <DatePicker format={SHOWN_DATE} placeholder={t('audit.filter.datePlaceholder')} className="antq-filters__date" />
        </Form.Item>
        <Form.Item
          name="to"
          label={t('audit.filter.to')}
          dependencies={['from']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, to: Dayjs | null | undefined) => {
                const from = getFieldValue('from') as Dayjs | null | undefined;
                return from && to && to.isBefore(from, 'day')
                  ? Promise.reject(new Error(t('audit.filter.toBeforeFrom')))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <DatePicker format={SHOWN_DATE} placeholder={t('audit.filter.datePlaceholder')} className="antq-filters__date" />
        </Form.Item>
        <Form.Item label={<span className="antq-sr-only">{t('audit.filter.apply')}</span>} className="antq-filters__actions">
          <div className="antq-form-actions">
            <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="audit-filter-apply">
              {t('audit.filter.apply')}
            </Button>
            <Button onClick={clear}>{t('audit.filter.clear')}</Button>
          </div>
        </Form.Item>
      </Form>

      {entries.isError && (
        <div className="antq-block-sm">
          <ApiErrorAlert error={entries.error} onRetry={() => void entries.refetch()} />
        </div>
      )}

      <Table<AuditEntry>
        className="antq-block"
        data-testid="audit-table"
        rowKey="id"
        size="middle"
        columns={narrow ? compactColumns : columns}
        dataSource={entries.data?.items ?? []}
        loading={entries.isFetching}
        scroll={narrow ? undefined : { x: 1000 }}
        locale={{ emptyText: t('audit.none') }}
        expandable={{
          rowExpandable: (e) => !!e.details && Object.keys(e.details).length > 0,
          expandedRowRender: (e) => (
            <div className="antq-audit-details">
              <Text type="secondary">
                {t('audit.details', { id: e.id })}
                {e.unit_code ? ` · ${t('audit.unit', { code: e.unit_code })}` : ''}
              </Text>
              <pre>{JSON.stringify(e.details, null, 2)}</pre>
            </div>
          ),
        }}
        pagination={{
          current: entries.data?.page ?? page,
          pageSize: entries.data?.per_page ?? perPage,
          total: entries.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES.map(String),
          showSizeChanger: true,
          showTotal: (total) => t('audit.total', { n: formatNumber(total) }),
          onChange: setPage,
        }}
      />
    </div>
  );
}

function VerifyResult({ result, onClose }: { result: AuditVerify; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      className="antq-block-sm"
      data-testid="audit-verify-result"
      type={result.ok ? 'success' : 'error'}
      showIcon
      closable
      onClose={onClose}
      message={
        result.ok
          ? t('audit.verify.ok', { n: formatNumber(result.checked) })
          : t('audit.verify.bad', { id: result.first_bad_id ?? '?', n: formatNumber(result.checked) })
      }
      description={!result.ok && result.problem ? result.problem : undefined}
    />
  );
}
