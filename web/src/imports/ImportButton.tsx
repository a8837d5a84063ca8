/**
 * The way to an import page from a list: "Nhập từ Excel" in a register's toolbar, beside the exports,
 * and "Nhập lượt giúp đỡ từ Excel"… for what hangs off it or for the old tip book (targets.ts). The
 * list shows it to those who may write the target.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { pick } from '../registers/config';
import './i18n';
import { importPath } from './logic';
import type { ImportTarget } from './targets';

export default function ImportButton({ target }: { target: ImportTarget }) {
  const { t, i18n } = useTranslation();
  return (
    <Link to={importPath(target)} data-testid={target.register ? 'import-open' : `import-open-${target.slug}`}>
      <Button icon={<UploadOutlined />}>{target.button ? pick(target.button, i18n.resolvedLanguage) : t('imports.button')}</Button>
    </Link>
  );
}
