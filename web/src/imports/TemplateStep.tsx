/** Step 1: the register's template (Excel with its instructions sheet and lists, or CSV) and the rules of a good sheet. */
import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import DownloadButton from '../components/DownloadButton';
import { useLanguage } from '../registers/bits';
import type { RegisterConfig } from '../registers/config';
import { IMPORTS_I18N } from './i18n';
import { templateFileName, templateUrl } from './logic';

export default function TemplateStep({ cfg }: { cfg: RegisterConfig }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Card size="small" title={t('imports.template.title')} className="antq-import-card" data-testid="import-template">
      <Space wrap>
        <DownloadButton
          icon={<FileExcelOutlined />}
          href={templateUrl(cfg, 'xlsx')}
          fileName={templateFileName(cfg, 'xlsx')}
          data-testid="template-xlsx"
        >
          {t('imports.template.xlsx')}
        </DownloadButton>
        <DownloadButton
          icon={<FileTextOutlined />}
          href={templateUrl(cfg, 'csv')}
          fileName={templateFileName(cfg, 'csv')}
          data-testid="template-csv"
        >
          {t('imports.template.csv')}
        </DownloadButton>
      </Space>
      <ul className="antq-import-rules">
        {IMPORTS_I18N[lang].template.rules.map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ul>
    </Card>
  );
}
