/**
 * `/tin-tuc-canh-bao/soan-tin` and `/tin-tuc-canh-bao/{id}/sua`: write a post — kind, title,
 * summary, the Markdown body with a short help, the target areas (the unit tree, several, the
 * user's own unit by default), the priority of a warning, publish and expiry times — beside a
 * phone-sized preview and the count of who will receive it. "Lưu nháp" creates or saves the draft
 * (an edit sends only what changed); "Đăng tin" saves what changed, then publishes.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
// the module's texts (news.*), added to i18next when one of its pages loads
import './i18n';
import { useAuth } from '../accounts/auth';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { usePageTitle } from '../components/usePageTitle';
import { getNews, newsKeys, type NewsPost } from './api';
import ComposeForm from './ComposeForm';
import { NEWS_PATH, newsEditPath, newsPath } from './paths';
import { NewsGate } from './tags';

const { Title } = Typography;

export default function ComposePage() {
  return (
    <NewsGate write>
      <Compose />
    </NewsGate>
  );
}

function Compose() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const qc = useQueryClient();
  usePageTitle(id ? 'news.form.editTitle' : 'news.form.newTitle');
  const post = useQuery({
    queryKey: newsKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getNews(id!, signal),
    enabled: !!id,
    staleTime: 0,
  });
  const saved = (p: NewsPost, created: boolean) => {
    qc.setQueryData(newsKeys.detail(p.id), p);
    void qc.invalidateQueries({ queryKey: ['news', 'list'] });
    // a new draft gets its own address: a reload keeps it, and "Đăng tin" has a post to publish
    if (created) navigate(newsEditPath(p.id), { replace: true });
  };
  return (
    <div className="antq-admin antq-news-compose" data-testid="news-compose-page">
      <Link to={id ? newsPath(id) : NEWS_PATH} className="antq-back-link">
        <ArrowLeftOutlined /> {t('news.detail.back')}
      </Link>
      <Title level={1} className="antq-page-title">
        {t(id ? 'news.form.editTitle' : 'news.form.newTitle')}
      </Title>
      {id && post.isPending && <Skeleton active />}
      {id && post.isError && <ApiErrorAlert error={post.error} onRetry={() => void post.refetch()} />}
      {(!id || post.data) && (
        <ComposeForm
          // a new form once the post is created (its values come from the server then)
          key={id ? String(post.data?.id) : 'new'}
          post={post.data ?? null}
          ownUnit={user?.unit?.code ?? null}
          onSaved={saved}
          onPublished={(p) => navigate(newsPath(p.id))}
        />
      )}
    </div>
  );
}
