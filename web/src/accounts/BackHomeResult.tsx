import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * A whole-page result (no such page, no permission) with its heading and a button back to the home
 * page. In a module of its own: Ant Design's Result carries its pictures, which the app's first
 * load does without (RequireAuth loads this on a refusal only).
 */
export default function BackHomeResult({
  status,
  title,
  desc,
  testId,
}: {
  status: '403' | '404';
  title: string;
  desc: string;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <Result
      status={status}
      title={<h1 className="antq-result-title">{title}</h1>}
      subTitle={desc}
      data-testid={testId}
      extra={
        <Link to="/">
          <Button type="primary">{t('notFound.back')}</Button>
        </Link>
      }
    />
  );
}
