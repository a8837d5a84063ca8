import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../components/usePageTitle';

export default function NotFound() {
  const { t } = useTranslation();
  usePageTitle('notFound.pageTitle');
  return (
    <Result
      status="404"
      title={<h1 className="antq-result-title">{t('notFound.title')}</h1>}
      subTitle={t('notFound.desc')}
      data-testid="not-found"
      extra={
        <Link to="/">
          <Button type="primary">{t('notFound.back')}</Button>
        </Link>
      }
    />
  );
}
