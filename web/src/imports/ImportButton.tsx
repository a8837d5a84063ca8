/** "Nhập từ Excel" in a register's toolbar, beside the exports (shown to those who may write the register). */
import { UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RegisterConfig } from '../registers/config';
import './i18n';
import { importPath } from './logic';

export default function ImportButton({ cfg }: { cfg: RegisterConfig }) {
  const { t } = useTranslation();
  return (
    <Link to={importPath(cfg)} data-testid="import-open">
      <Button icon={<UploadOutlined />}>{t('imports.button')}</Button>
    </Link>
  );
}
