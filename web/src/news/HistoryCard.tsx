/** A post's earlier versions (a published post keeps its previous text when edited), newest first. */
import { Collapse, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../lib/format';
import type { NewsPost } from './api';
import { historyNewestFirst } from './logic';
import Card from '../components/Card';

const { Paragraph, Text } = Typography;

export default function HistoryCard({ post }: { post: NewsPost }) {
  const { t } = useTranslation();
  const versions = historyNewestFirst(post.history);
  return (
    <Card size="small" className="antq-block-sm" title={t('news.history.title')} data-testid="news-history">
      {versions.length === 0 ? (
        <Text type="secondary">{t('news.history.none')}</Text>
      ) : (
        <Collapse
          size="small"
          items={versions.map((v) => ({
            key: String(v.version),
            label: (
              <span>
                <Text strong>{v.title}</Text>{' '}
                <Text type="secondary">{t('news.history.entry', { version: v.version, at: formatDateTime(v.at), by: v.by ?? '—' })}</Text>
              </span>
            ),
            children: (
              <>
                {v.summary && <Paragraph strong>{v.summary}</Paragraph>}
                {/* the Markdown source as it was, shown as text */}
                <Paragraph className="antq-pre">{v.body}</Paragraph>
              </>
            ),
          }))}
        />
      )}
    </Card>
  );
}
