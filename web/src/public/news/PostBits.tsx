/** Small parts shared by the news list and a post: the kind and urgency badges, the date line. */
import { formatDateTime } from '../../lib/format';
import { Svg } from '../icons';
import { useI18n } from '../i18n';
import { kindKey, urgencyOf } from './logic';

const KIND_BADGE: Record<string, string> = { warning: 'p-badge--gold', notice: 'p-badge--blue', news: 'p-badge--grey' };

/** "Cảnh báo" and, for priority 1, "Khẩn" (priority 2: "Quan trọng"). */
export function PostBadges({ post }: { post: { kind: string; priority?: number | null } }) {
  const { t } = useI18n();
  const urgency = urgencyOf(post);
  return (
    <span className="p-news-badges">
      <span className={`p-badge ${KIND_BADGE[post.kind] ?? KIND_BADGE.news}`} data-testid="news-kind">
        {post.kind === 'warning' && <AlertIcon />} {t(kindKey(post.kind))}
      </span>
      {urgency && (
        <span className={`p-badge ${urgency === 'urgent' ? 'p-badge--urgent' : 'p-badge--red'}`} data-testid="news-urgency">
          {t(urgency === 'urgent' ? 'news.urgency.urgent' : 'news.urgency.high')}
        </span>
      )}
    </span>
  );
}

/** "Đăng lúc dd/mm/yyyy HH:mm · Địa bàn: Xã Sơn Tịnh" (Vietnam time). */
export function PostMeta({ post }: { post: { published_at: string; targets?: string[] } }) {
  const { t } = useI18n();
  const targets = (post.targets ?? []).filter(Boolean);
  return (
    <span className="p-news-meta">
      <time dateTime={post.published_at}>{t('news.published', { at: formatDateTime(post.published_at) })}</time>
      {targets.length > 0 && <span> · {t('news.targets', { units: targets.join(', ') })}</span>}
    </span>
  );
}

export const AlertIcon = () => (
  <Svg size={15}>
    <path d="M12 3l10 18H2z" />
    <path d="M12 10v4M12 17.5v.5" />
  </Svg>
);

export const FeedIcon = () => (
  <Svg size={16}>
    <path d="M5 5a14 14 0 0 1 14 14M5 11a8 8 0 0 1 8 8" />
    <circle cx="6" cy="18" r="1.5" />
  </Svg>
);
