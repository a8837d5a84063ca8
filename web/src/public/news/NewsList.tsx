/** The posts of the followed unit (`GET /api/v1/public/news?unit=CODE`): warnings first, newest first. */
import { useEffect, useState } from 'react';
import { formatNumber } from '../../lib/format';
import { PublicApiError } from '../api';
import { useI18n } from '../i18n';
import { newsPostPath } from '../paths';
import { Alert, Spinner, errorText } from '../ui';
import { listPublicNews, type PublicNewsList, type PublicUnitRef } from './api';
import { postClass, sortPosts } from './logic';
import { PostBadges, PostMeta } from './PostBits';

interface Props {
  code: string;
  /** The unit as the server names it (its full name, for the page's heading); stable. */
  onUnit: (unit: PublicUnitRef) => void;
  /** The server knows no such unit; stable. */
  onMissing: () => void;
}

/**
 * The list the server put in the page for the address's unit (`GET /tin-tuc?unit=CODE`, a JSON
 * block: the posts show without one more round trip on a slow phone). Taken once: another unit, or
 * a retry, asks the API.
 */
function takeServedList(code: string): PublicNewsList | null {
  const block = document.getElementById('antq-news-list');
  if (!block) return null;
  block.remove();
  try {
    const list = JSON.parse(block.textContent ?? '') as PublicNewsList;
    return list.unit?.code === code && Array.isArray(list.items) ? list : null;
  } catch {
    return null;
  }
}

export default function NewsList({ code, onUnit, onMissing }: Props) {
  const { t } = useI18n();
  const [list, setList] = useState<PublicNewsList | null>(null);
  const [failed, setFailed] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    setFailed(null);
    const served = takeServedList(code);
    if (served) {
      setList(served);
      onUnit(served.unit);
      return;
    }
    const ac = new AbortController();
    setList(null);
    listPublicNews(code, ac.signal)
      .then((res) => {
        setList(res);
        if (res.unit) onUnit(res.unit);
      })
      .catch((e: unknown) => {
        if (ac.signal.aborted) return;
        if (e instanceof PublicApiError && (e.status === 404 || (e.status === 400 && e.field === 'unit'))) onMissing();
        else setFailed(e);
      });
    return () => ac.abort();
    // onUnit / onMissing are stable (the page's useCallback): a new list for a new unit or a retry
  }, [code, attempt, onUnit, onMissing]);

  if (failed !== null) {
    return (
      <Alert kind="error" testId="news-error">
        {t('news.list.error')} {errorText(failed, t)}{' '}
        <button type="button" className="p-link-btn" onClick={() => setAttempt((n) => n + 1)}>
          {t('common.retry')}
        </button>
      </Alert>
    );
  }
  if (!list) {
    // the list's place is kept while it loads (.p-news-loading): the subscription box below it does
    // not appear in view and then jump down (a layout shift Lighthouse counted at 0.35)
    return (
      <p className="p-muted p-news-loading" role="status">
        <Spinner /> {t('common.loading')}
      </p>
    );
  }
  const posts = sortPosts(list.items ?? []);
  return (
    <section className="p-news-section" aria-labelledby="news-list-title">
      <h2 className="p-news-h2" id="news-list-title">
        {t('news.list.title')} <span className="p-news-count">{posts.length > 0 ? t('news.list.count', { n: formatNumber(posts.length) }) : ''}</span>
      </h2>
      {posts.length === 0 ? (
        <p className="p-news-empty" data-testid="news-empty">
          {t('news.list.empty')}
        </p>
      ) : (
        <ul className="p-news-list" data-testid="news-list">
          {posts.map((p) => (
            <li key={String(p.id)}>
              <a className={postClass(p)} href={newsPostPath(p.id)} data-testid="news-item">
                <PostBadges post={p} />
                <h3 className="p-news-item__title">{p.title}</h3>
                {p.summary && <span className="p-news-item__summary">{p.summary}</span>}
                <PostMeta post={p} />
              </a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
