import { SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Button, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { PAGE_SIZES, listQuery, useListParams } from '../components/listParams';
import { useNarrow } from '../components/useBreakpoint';
import { usePageTitle } from '../components/usePageTitle';
import { formatNumber } from '../lib/format';
import AuditFilters, { FILTERS } from './AuditFilters';
import { auditKeys, listAudit, verifyAudit, type AuditEntry } from './api';
import { useAuditColumns } from './columns';
import VerifyResult from './VerifyResult';
import ExportAllButton from './ExportAllButton';
import './audit.css';
import PageHead from '../components/PageHead';
// the module's texts, added to i18next when one of its pages loads
import './i18n';

const { Text } = Typography;

/** The audit trail: who did what, when, to what and why; filters, paging and the hash chain check. */
export default function Audit() {
  const { t } = useTranslation();
  usePageTitle('audit.pageTitle');
  const { filters, page, perPage, setFilters, setPage } = useListParams(FILTERS);

  const query = listQuery(filters, page, perPage);
  const entries = useQuery({
    queryKey: auditKeys.list(query),
    queryFn: ({ signal }) => listAudit(query, signal),
    placeholderData: keepPreviousData,
  });
  const verify = useMutation({ mutationFn: () => verifyAudit() });

  const narrow = useNarrow();
  const { columns, compactColumns } = useAuditColumns();

  return (
    <div className="antq-admin" data-testid="audit-page">
      <PageHead title={t('audit.pageTitle')} intro={t('audit.intro')}>
        <ExportAllButton />
        <Button icon={<SafetyCertificateOutlined />} loading={verify.isPending} onClick={() => verify.mutate()} data-testid="audit-verify">
          {t('audit.verify.button')}
        </Button>
      </PageHead>

      {verify.isError && (
        <div className="antq-block-sm">
          <ApiErrorAlert error={verify.error} />
        </div>
      )}
      {verify.data && <VerifyResult result={verify.data} onClose={() => verify.reset()} />}

      <AuditFilters filters={filters} setFilters={setFilters} />

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
