/** Step 1: the target's template (Excel with its instructions sheet and lists, or CSV) and the rules of a good sheet. */
import { FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import DownloadButton from '../components/DownloadButton';
import { useLanguage } from '../registers/bits';
import { IMPORTS_I18N } from './i18n';
import { templateFileName, templateRules, templateUrl } from './logic';
import type { ImportTarget } from './targets';
import Card from '../components/Card';

export default function TemplateStep({ target }: { target: ImportTarget }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Card size="small" title={t('imports.template.title')} className="antq-import-card" data-testid="import-template">
      <Space wrap>
        <DownloadButton
          icon={<FileExcelOutlined />}
          href={templateUrl(target, 'xlsx')}
          fileName={templateFileName(target, 'xlsx')}
          data-testid="template-xlsx"
        >
          {t('imports.template.xlsx')}
        </DownloadButton>
        <DownloadButton
          icon={<FileTextOutlined />}
          href={templateUrl(target, 'csv')}
          fileName={templateFileName(target, 'csv')}
          data-testid="template-csv"
        >
          {t('imports.template.csv')}
        </DownloadButton>
      </Space>
      <ul className="antq-import-rules">
        {templateRules(target, IMPORTS_I18N[lang].template).map((rule) => (
          <li key={rule}>{rule}</li>
        ))}
      </ul>
    </Card>
  );
}
