/**
 * `/tin-tuc-canh-bao/{id}`: one post — its status and times, the actions its status allows
 * (publish, withdraw, delete a draft, edit), its Zalo and Facebook groups, the delivery figures and failed rows
 * (`GET /api/v1/news/{id}/deliveries`), its history of versions, and the phone preview.
 */
import { ArrowLeftOutlined, EditOutlined, ExportOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Descriptions, Skeleton, Space, Typography } from 'antd';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
// the module's texts (news.*), added to i18next when one of its pages loads
import './i18n';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { formatDateTime } from '../lib/format';
import { newsPostPath } from '../public/paths';
import PostActions from './actions';
import { getNews, newsKeys, type NewsPost } from './api';
import { ChannelLabel } from './ChannelPicker';
import DeliveriesCard from './DeliveriesCard';
import HistoryCard from './HistoryCard';
import { postActions } from './logic';
import { NEWS_PATH, newsEditPath } from './paths';
import PhonePreview from './PhonePreview';
import { KindTag, NewsGate, PriorityTag, StatusTag, useNewsRights } from './tags';
import Card from '../components/Card';

const { Title, Paragraph } = Typography;

export default function PostPage() {
  return (
    <NewsGate>
      <Post />
    </NewsGate>
  );
}

function Post() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const post = useQuery({ queryKey: newsKeys.detail(id), queryFn: ({ signal }) => getNews(id, signal), staleTime: 0 });
  const title = post.data?.title ?? '';
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title ? t('news.detail.docTitle', { title }) : t('news.title') });
  }, [t, title]);
  return (
    <div className="antq-admin antq-news-detail" data-testid="news-detail">
      <Link to={NEWS_PATH} className="antq-back-link">
        <ArrowLeftOutlined /> {t('news.detail.back')}
      </Link>
      {post.isPending && <Skeleton active />}
      {post.isError && <ApiErrorAlert error={post.error} onRetry={() => void post.refetch()} />}
      {post.data && <PostView post={post.data} />}
    </div>
  );
}

function PostView({ post }: { post: NewsPost }) {
  const { t } = useTranslation();
  const rights = useNewsRights();
  const can = postActions(post, rights);
  const live = post.status === 'published' && !post.scheduled;
  return (
    <>
      <div className="antq-admin__head">
        <div>
          <Title level={1} className="antq-page-title" data-testid="news-title">
            {post.title}
          </Title>
          <Space wrap size={4}>
            <KindTag kind={post.kind} />
            <PriorityTag post={post} />
            <StatusTag post={post} />
          </Space>
        </div>
        <Space wrap>
          {can.edit && (
            <Link to={newsEditPath(post.id)}>
              <Button icon={<EditOutlined />} data-testid="news-edit">
                {t('news.actions.edit')}
              </Button>
            </Link>
          )}
          {live && (
            <Button icon={<ExportOutlined />} href={newsPostPath(post.id)} target="_blank" rel="noopener" data-testid="news-open-public">
              {t('news.actions.open')}
            </Button>
          )}
          <PostActions post={post} />
        </Space>
      </div>
      {post.status === 'pending' && <Alert type="warning" showIcon className="antq-block-sm" message={t('news.detail.pendingNote')} />}
      {post.status === 'published' && post.scheduled && post.publish_at && (
        <Alert
          type="info"
          showIcon
          className="antq-block-sm"
          message={t('news.detail.scheduledNote', { at: formatDateTime(post.publish_at) })}
        />
      )}
      <div className="antq-news-compose__grid">
        <div className="antq-news-detail__main">
          <FactsCard post={post} />
          {(post.status === 'published' || post.status === 'withdrawn') && <DeliveriesCard post={post} />}
          <HistoryCard post={post} />
        </div>
        <aside className="antq-news-compose__side">
          <PhonePreview
            kind={post.kind}
            priority={post.priority}
            title={post.title}
            summary={post.summary ?? ''}
            bodyHtml={post.body_html}
            savedAt={post.updated_at}
            unsaved={false}
            targets={(post.target_units ?? []).map((u) => u.full_name ?? u.name)}
            publishedAt={post.published_at}
          />
        </aside>
      </div>
    </>
  );
}

/** Who, where, when. */
function FactsCard({ post }: { post: NewsPost }) {
  const { t } = useTranslation();
  const row = (key: string, label: string, value: ReactNode) => (value ? { key, label, children: value } : null);
  const groups = post.channels ?? [];
  const items = [
    row('unit', t('news.detail.unit'), post.unit?.name),
    row('targets', t('news.detail.targets'), (post.target_units ?? []).map((u) => u.full_name ?? u.name).join(', ')),
    row(
      'channels',
      t('news.detail.channels'),
      groups.length > 0 && (
        <ul className="antq-news-channel-list" data-testid="news-detail-channels">
          {groups.map((c) => (
            <li key={String(c.id)}>
              <ChannelLabel channel={c} />
            </li>
          ))}
        </ul>
      ),
    ),
    row('author', t('news.detail.author'), post.author),
    row('created', t('news.detail.created'), formatDateTime(post.created_at)),
    row('updated', t('news.detail.updated'), formatDateTime(post.updated_at)),
    row('publish_at', t('news.detail.publishAt'), post.scheduled ? formatDateTime(post.publish_at) : null),
    row('published', t('news.detail.published'), formatDateTime(post.published_at)),
    row('expires', t('news.detail.expires'), formatDateTime(post.expires_at)),
    row('withdrawn', t('news.detail.withdrawnAt'), formatDateTime(post.withdrawn_at)),
    row('version', t('news.detail.version'), post.version ? String(post.version) : null),
  ].filter((x): x is NonNullable<typeof x> => x !== null);
  return (
    <Card size="small" className="antq-block-sm" data-testid="news-facts">
      {post.summary && <Paragraph strong>{post.summary}</Paragraph>}
      <Descriptions size="small" column={1} items={items} />
    </Card>
  );
}
