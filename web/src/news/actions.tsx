/**
 * A post's actions: publish (now or at its time; "Gửi duyệt" where the unit requires approval and
 * the user may not approve), withdraw, delete a draft; each asks for a confirmation first.
 */
import { DeleteOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../components/ApiErrorAlert';
import { formatDateTime } from '../lib/format';
import { deleteNews, getNewsSettings, newsKeys, publishNews, withdrawNews, type NewsPost } from './api';
import { postActions } from './logic';
import { NEWS_PATH } from './paths';
import { useNewsRights } from './tags';
import { useFeedback } from '../components/feedback';

/** Stores a post the server answered, and refreshes the lists. */
function useStorePost() {
  const qc = useQueryClient();
  return (post: NewsPost) => {
    qc.setQueryData(newsKeys.detail(post.id), (old: NewsPost | undefined) => ({ ...old, ...post, history: post.history ?? old?.history }));
    void qc.invalidateQueries({ queryKey: ['news', 'list'] });
    void qc.invalidateQueries({ queryKey: newsKeys.deliveries(post.id) });
  };
}

interface Props {
  post: NewsPost;
  /** Runs before publishing (the compose form saves its changes); false stops. */
  beforePublish?: () => Promise<boolean>;
  /** Where to go once published (the compose page goes to the post). */
  afterPublish?: (post: NewsPost) => void;
  hideDelete?: boolean;
}

export default function PostActions({ post, beforePublish, afterPublish, hideDelete }: Props) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const rights = useNewsRights();
  const can = postActions(post, rights);
  const store = useStorePost();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const settings = useQuery({
    queryKey: newsKeys.settings(post.unit?.code ?? ''),
    queryFn: ({ signal }) => getNewsSettings(post.unit.code, signal),
    enabled: !!post.unit?.code && post.status === 'draft' && !rights.approve,
    retry: false,
    staleTime: 60_000,
  });
  const asksApproval = !rights.approve && settings.data?.requires_approval === true;

  const publish = useMutation({
    mutationFn: async () => {
      if (beforePublish && !(await beforePublish())) return null;
      return publishNews(post.id);
    },
    onSuccess: (p) => {
      if (!p) return;
      store(p);
      void message.success(t(p.status === 'pending' ? 'news.actions.pending' : 'news.actions.published'));
      afterPublish?.(p);
    },
  });
  const withdraw = useMutation({
    mutationFn: () => withdrawNews(post.id),
    onSuccess: (p) => {
      store(p);
      void message.success(t('news.actions.withdrawn'));
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteNews(post.id),
    onSuccess: () => {
      qc.removeQueries({ queryKey: newsKeys.detail(post.id) });
      void qc.invalidateQueries({ queryKey: ['news', 'list'] });
      void message.success(t('news.actions.deleted'));
      navigate(NEWS_PATH);
    },
  });
  const when = post.publish_at && Date.parse(post.publish_at) > Date.now() ? formatDateTime(post.publish_at) : null;
  const publishLabel = post.status === 'pending' ? 'news.actions.approve' : asksApproval ? 'news.actions.submit' : 'news.actions.publish';

  return (
    <Space wrap data-testid="news-actions">
      {can.publish && (
        <Popconfirm
          title={t('news.actions.publishConfirm')}
          description={when ? t('news.actions.publishScheduled', { at: when }) : t('news.actions.publishNow')}
          okText={t(publishLabel)}
          cancelText={t('common.cancel')}
          onConfirm={() => publish.mutateAsync().catch((e: unknown) => void message.error(errorMessage(e, t('error.title'))))}
        >
          <Button type="primary" icon={<SendOutlined />} loading={publish.isPending} data-testid="news-publish">
            {t(publishLabel)}
          </Button>
        </Popconfirm>
      )}
      {can.withdraw && (
        <Popconfirm
          title={t('news.actions.withdrawConfirm')}
          okText={t('news.actions.withdraw')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => withdraw.mutateAsync().catch((e: unknown) => void message.error(errorMessage(e, t('error.title'))))}
        >
          <Button danger icon={<StopOutlined />} loading={withdraw.isPending} data-testid="news-withdraw">
            {t('news.actions.withdraw')}
          </Button>
        </Popconfirm>
      )}
      {can.delete && !hideDelete && (
        <Popconfirm
          title={t('news.actions.deleteConfirm')}
          okText={t('news.actions.delete')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => remove.mutateAsync().catch((e: unknown) => void message.error(errorMessage(e, t('error.title'))))}
        >
          <Button icon={<DeleteOutlined />} loading={remove.isPending} data-testid="news-delete">
            {t('news.actions.delete')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
