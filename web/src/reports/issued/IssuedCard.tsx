/** The reports issued for the area, to open, print or download again. */
import { FileExcelOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Empty, Space, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../../components/ApiErrorAlert';
import DownloadButton from '../../components/DownloadButton';
import { downloadName } from '../../lib/files';
import { formatDate } from '../../lib/format';
import { issuedReportUrl, listIssuedReports, reportKeys, type IssuedReport } from '../api';
import Card from '../../components/Card';

const { Text } = Typography;

export function IssuedCard({ unit, onOpen }: { unit: string | null; onOpen: (url: string) => void }) {
  const { t } = useTranslation();
  const list = useQuery({ queryKey: reportKeys.issued(unit), queryFn: ({ signal }) => listIssuedReports(unit, signal) });
  const columns: ColumnsType<IssuedReport> = [
    { title: t('reports.issued.number'), dataIndex: 'number', key: 'number', width: 120 },
    { title: t('reports.issued.issuedOn'), dataIndex: 'issued_on', key: 'issued_on', width: 120, render: (d: string) => formatDate(d) },
    {
      title: t('reports.issued.summary'),
      key: 'title',
      render: (_: unknown, r) => (
        <div>
          <div>{r.title}</div>
          <Text type="secondary" className="antq-reports__hint">
            {r.unit?.full_name ?? t('reports.country')} · {formatDate(r.from)} – {formatDate(r.to)}
          </Text>
        </div>
      ),
    },
    {
      title: '',
      key: 'open',
      width: 200,
      render: (_: unknown, r) => (
        <Space size={4}>
          <Button
            size="small"
            icon={<PrinterOutlined />}
            onClick={() => onOpen(issuedReportUrl(r.id, 'html'))}
            data-testid={`issued-open-${r.id}`}
          >
            {t('reports.issued.open')}
          </Button>
          <Tooltip title={t('reports.export.docx')}>
            <DownloadButton
              size="small"
              icon={<FileWordOutlined />}
              href={issuedReportUrl(r.id, 'docx')}
              fileName={downloadName(`Báo cáo ${r.number}`, r.unit?.full_name ?? null, r.issued_on, 'docx')}
              aria-label={t('reports.export.docx')}
              data-testid={`issued-docx-${r.id}`}
            />
          </Tooltip>
          <Tooltip title={t('reports.export.xlsx')}>
            <DownloadButton
              size="small"
              icon={<FileExcelOutlined />}
              href={issuedReportUrl(r.id, 'xlsx')}
              fileName={downloadName(`Báo cáo ${r.number}`, r.unit?.full_name ?? null, r.issued_on, 'xlsx')}
              aria-label={t('reports.export.xlsx')}
              data-testid={`issued-xlsx-${r.id}`}
            />
          </Tooltip>
        </Space>
      ),
    },
  ];
  return (
    <Card size="small" className="antq-reports__card antq-reports__row" title={t('reports.issued.title')} data-testid="issued-card">
      {list.isError ? (
        <ApiErrorAlert error={list.error} />
      ) : (
        <Table<IssuedReport>
          size="small"
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isPending}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('reports.issued.empty')} /> }}
          data-testid="issued-table"
        />
      )}
    </Card>
  );
}
