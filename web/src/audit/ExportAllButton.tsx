import { DownloadOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../accounts/auth';
import DownloadButton from '../components/DownloadButton';
import { downloadName } from '../lib/files';
import { todayVN } from '../registers/payload';

/**
 * The full export (every table as CSV and JSON Lines in one zip, sealed fields sealed): national
 * administrators only, as the server checks (GET /api/v1/system/export); nobody else sees it.
 */
export default function ExportAllButton() {
  const { t } = useTranslation();
  const { user } = useAuth();
  if (!user || user.role !== 'admin' || user.unit !== null) return null;
  return (
    <Tooltip title={t('audit.exportAll.hint')}>
      <DownloadButton
        icon={<DownloadOutlined />}
        href="/api/v1/system/export"
        fileName={downloadName('antq-du-lieu', null, todayVN(), 'zip')}
        data-testid="export-all"
      >
        {t('audit.exportAll.button')}
      </DownloadButton>
    </Tooltip>
  );
}
