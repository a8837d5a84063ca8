/** The page's title and its exports: spreadsheet, Word, CSV, the printable A4 report, issuing. */
import { FileExcelOutlined, FileTextOutlined, FileWordOutlined, PrinterOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import DownloadButton from '../../components/DownloadButton';
import { downloadName } from '../../lib/files';
import { summaryUrl, type ReportQuery } from '../api';
import { vietnamToday, type Period } from '../period';

const { Title, Paragraph } = Typography;

export function ReportsHead({
  exportQuery,
  unitName,
  period,
  canIssue,
  onPreview,
  onIssue,
}: {
  exportQuery: ReportQuery & { compare: boolean };
  unitName: string;
  period: Period;
  canIssue: boolean;
  onPreview: (url: string) => void;
  onIssue: () => void;
}) {
  const { t } = useTranslation();
  const today = vietnamToday();
  return (
    <div className="antq-reports__head">
      <div>
        <Title level={1} className="antq-page-title antq-reports__title">
          {t('reports.title')}
        </Title>
        <Paragraph type="secondary" className="antq-reports__subtitle">
          {t('reports.subtitle')}
        </Paragraph>
      </div>
      <Space wrap className="antq-reports__actions">
        <DownloadButton
          icon={<FileExcelOutlined />}
          href={summaryUrl(exportQuery, 'xlsx')}
          fileName={downloadName('Báo cáo số liệu', unitName, `${period.from}_${period.to}`, 'xlsx')}
          data-testid="export-xlsx"
        >
          {t('reports.export.xlsx')}
        </DownloadButton>
        <DownloadButton
          icon={<FileWordOutlined />}
          href={summaryUrl(exportQuery, 'docx')}
          fileName={downloadName('Báo cáo', unitName, today, 'docx')}
          data-testid="export-docx"
        >
          {t('reports.export.docx')}
        </DownloadButton>
        <DownloadButton
          icon={<FileTextOutlined />}
          href={summaryUrl(exportQuery, 'csv')}
          fileName={downloadName('Báo cáo số liệu', unitName, `${period.from}_${period.to}`, 'csv')}
          data-testid="export-csv"
        >
          {t('reports.export.csv')}
        </DownloadButton>
        <Button icon={<PrinterOutlined />} onClick={() => onPreview(summaryUrl(exportQuery, 'html'))} data-testid="print-preview">
          {t('reports.export.preview')}
        </Button>
        {canIssue && (
          <Button type="primary" icon={<SafetyCertificateOutlined />} onClick={onIssue} data-testid="issue-report">
            {t('reports.export.issue')}
          </Button>
        )}
      </Space>
    </div>
  );
}
