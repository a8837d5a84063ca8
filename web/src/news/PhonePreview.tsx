/**
 * A post as a resident sees it on a phone (/tin-tuc/{id}): a 390-pixel-wide frame in the public
 * pages' colours. The text fields (kind, priority, title, summary) follow the form as it is typed
 * (React escapes them); the body is the server's own rendering of the last saved Markdown
 * (`body_html`, cmark narrowed and sanitised on the server: decision 0015), so the preview shows
 * exactly what residents get, with no second Markdown renderer in the browser.
 */
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';

interface Props {
  kind: string;
  priority: number | null;
  title: string;
  summary: string;
  /** The saved post's body_html; null before the first save. */
  bodyHtml: string | null;
  /** When the shown body was saved. */
  savedAt: string | null;
  /** The form has changes the shown body does not have yet. */
  unsaved: boolean;
  targets: string[];
  publishedAt: string | null;
}

export default function PhonePreview({ kind, priority, title, summary, bodyHtml, savedAt, unsaved, targets, publishedAt }: Props) {
  const { t } = useTranslation();
  const warning = kind === 'warning';
  const urgent = warning && priority === 1;
  const high = warning && priority === 2;
  return (
    <section className="antq-news-preview" aria-label={t('news.preview.title')} data-testid="news-preview">
      <h2 className="antq-news-preview__title">{t('news.preview.title')}</h2>
      <figure className="antq-phone" aria-label={t('news.preview.frame')}>
        <div className="antq-phone__bar">ANTQ</div>
        <div className="antq-phone__screen" data-testid="news-preview-screen">
          <div className="antq-phone__back">‹ {t('nav.news')}</div>
          <div className={`antq-phone__head${warning ? ' antq-phone__head--warning' : ''}${urgent ? ' antq-phone__head--urgent' : ''}`}>
            <div className="antq-phone__badges">
              <span className={`antq-phone__badge antq-phone__badge--${kind}`}>{t(`news.kind.${kind}`, { defaultValue: kind })}</span>
              {(urgent || high) && (
                <span className={`antq-phone__badge ${urgent ? 'antq-phone__badge--urgent' : 'antq-phone__badge--high'}`}>
                  {t(`news.priority.${priority}`)}
                </span>
              )}
            </div>
            <div className="antq-phone__title" data-testid="news-preview-title">
              {title || '…'}
            </div>
            <div className="antq-phone__meta">
              {formatDateTime(publishedAt ?? new Date())}
              {targets.length > 0 && ` · ${targets.join(', ')}`}
            </div>
          </div>
          {summary && <p className="antq-phone__summary">{summary}</p>}
          {bodyHtml !== null ? (
            // the server's sanitised HTML of the saved body (see above)
            <div className="antq-phone__body" data-testid="news-preview-body" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
          ) : (
            <p className="antq-phone__empty">{t('news.preview.empty')}</p>
          )}
        </div>
      </figure>
      {bodyHtml !== null && savedAt && !unsaved && (
        <p className="antq-news-preview__note">{t('news.preview.note', { at: formatDateTime(savedAt) })}</p>
      )}
      {unsaved && bodyHtml !== null && (
        <Alert type="info" showIcon className="antq-block-sm" message={t('news.preview.unsaved')} data-testid="news-preview-unsaved" />
      )}
    </section>
  );
}
