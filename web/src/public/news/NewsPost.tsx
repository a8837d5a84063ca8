/**
 * `/tin-tuc/{id}`: one post as a resident reads it (`GET /api/v1/public/news/{id}`, which counts a
 * view). The body is the server's HTML (rendered from the post's Markdown by cmark and narrowed to
 * paragraphs, emphasis, lists and links, raw HTML never passed through): inserted as it is into the
 * article, the one place where a post's HTML reaches a page. Title, summary and places are text.
 * A withdrawn or expired post (404) reads "Tin không còn hoặc đã bị gỡ".
 */
import { useEffect, useMemo, useState } from 'react';
import { formatDateTime } from '../../lib/format';
import { PublicApiError } from '../api';
import { useI18n } from '../i18n';
import { PUBLIC_PATHS, newsPostId } from '../paths';
import { Alert, Spinner, errorText } from '../ui';
import { getPublicPost, type PublicPost } from './api';
import { postClass } from './logic';
import { PostBadges, PostMeta } from './PostBits';

type State = { kind: 'loading' } | { kind: 'post'; post: PublicPost } | { kind: 'gone' } | { kind: 'error'; error: unknown };

export default function NewsPost() {
  const { t } = useI18n();
  const id = useMemo(() => newsPostId(window.location.pathname), []);
  const [state, setState] = useState<State>(id ? { kind: 'loading' } : { kind: 'gone' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!id) return;
    const ac = new AbortController();
    setState({ kind: 'loading' });
    getPublicPost(id, ac.signal)
      .then((post) => setState({ kind: 'post', post }))
      .catch((e: unknown) => {
        if (ac.signal.aborted) return;
        if (e instanceof PublicApiError && (e.status === 404 || e.status === 410 || e.status === 400)) setState({ kind: 'gone' });
        else setState({ kind: 'error', error: e });
      });
    return () => ac.abort();
  }, [id, attempt]);

  const title = state.kind === 'post' ? state.post.title : state.kind === 'gone' ? t('news.post.gone.title') : t('news.pageTitle');
  useEffect(() => {
    document.title = t('app.documentTitle', { page: title });
  }, [t, title]);

  const back = (
    <a className="p-news-back" href={PUBLIC_PATHS.news}>
      ‹ {t('news.post.back')}
    </a>
  );

  if (state.kind === 'loading') {
    return (
      <article className="p-page p-news">
        {back}
        <p className="p-muted" role="status">
          <Spinner /> {t('common.loading')}
        </p>
      </article>
    );
  }
  if (state.kind === 'gone') {
    return (
      <article className="p-page p-news" data-testid="news-post-gone">
        {back}
        <h1 className="p-title">{t('news.post.gone.title')}</h1>
        <p className="p-lead">{t('news.post.gone.lead')}</p>
        <div className="p-actions">
          <a className="p-btn p-btn--primary p-btn--block" href={PUBLIC_PATHS.news}>
            {t('news.post.gone.back')}
          </a>
        </div>
      </article>
    );
  }
  if (state.kind === 'error') {
    return (
      <article className="p-page p-news">
        {back}
        <Alert kind="error" testId="news-post-error">
          {t('news.post.error')} {errorText(state.error, t)}{' '}
          <button type="button" className="p-link-btn" onClick={() => setAttempt((n) => n + 1)}>
            {t('common.retry')}
          </button>
        </Alert>
      </article>
    );
  }
  const { post } = state;
  return (
    <article className={`p-page p-news ${postClass(post, 'p-news-post')}`} data-testid="news-post">
      {back}
      <header className="p-news-post__head">
        <PostBadges post={post} />
        <h1 className="p-title p-news-post__title">{post.title}</h1>
        <PostMeta post={post} />
        {post.expires_at && <span className="p-news-meta">{t('news.expires', { at: formatDateTime(post.expires_at) })}</span>}
      </header>
      {post.summary && <p className="p-lead p-news-post__summary">{post.summary}</p>}
      {/* the server's sanitised rendering of the post's Markdown (docs/decisions/0015) */}
      <div className="p-news-body" data-testid="news-body" dangerouslySetInnerHTML={{ __html: post.body_html ?? '' }} />
    </article>
  );
}
