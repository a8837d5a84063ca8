import { useTranslation } from 'react-i18next';
import BackHomeResult from '../accounts/BackHomeResult';
import { usePageTitle } from '../components/usePageTitle';

export default function NotFound() {
  const { t } = useTranslation();
  usePageTitle('notFound.pageTitle');
  return <BackHomeResult status="404" title={t('notFound.title')} desc={t('notFound.desc')} testId="not-found" />;
}
