import { WarningOutlined } from '@ant-design/icons';
import { Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../lib/format';
import { formatTrackingCode } from '../lib/tips';
import type { TipListItem } from './api';
import { DueDate, TipStatusTag, useTipCategories } from './TipBits';
import { compactColumn } from '../components/compactColumn';

const { Paragraph, Text } = Typography;

/** The inbox's columns: six on a wide screen, one stacked column (`compactColumns`) on a phone. */
export function useTipColumns(): { columns: ColumnsType<TipListItem>; compactColumns: ColumnsType<TipListItem> } {
  const { t } = useTranslation();
  const { label: categoryLabel } = useTipCategories();

  const codeLink = (r: TipListItem) => (
    <Link to={`/tin-bao/${encodeURIComponent(String(r.id))}`} className="antq-tip-code" data-testid="tip-link">
      {formatTrackingCode(r.tracking_code)}
    </Link>
  );
  const badges = (r: TipListItem) => (
    <>
      {r.held_for_review && (
        <Tag color="volcano" data-testid="held-tag">
          {t('tips.held.tag')}
        </Tag>
      )}
      {r.anonymous && <Tag>{t('tips.anonymous')}</Tag>}
      {r.duplicates > 0 && (
        <Tag color="orange" icon={<WarningOutlined />}>
          {t('tips.duplicatesCount', { n: r.duplicates })}
        </Tag>
      )}
    </>
  );

  const columns: ColumnsType<TipListItem> = [
    { title: t('tips.col.code'), key: 'code', render: (_, r) => codeLink(r), width: 120 },
    {
      title: t('tips.col.receivedAt'),
      key: 'received_at',
      width: 150,
      render: (_, r) => (
        <div>
          <div className="antq-nowrap">{formatDateTime(r.received_at)}</div>
          <Text type="secondary">{t(`tips.channel.${r.channel}`, { defaultValue: r.channel })}</Text>
        </div>
      ),
    },
    {
      title: t('tips.col.excerpt'),
      key: 'excerpt',
      render: (_, r) => (
        <div className="antq-tip-excerpt">
          <Text strong>{categoryLabel(r.category)}</Text>
          <Paragraph ellipsis={{ rows: 2 }} className="antq-tip-excerpt__text">
            {r.excerpt}
          </Paragraph>
          <div>
            <Text type="secondary">{r.unit.name}</Text> {badges(r)}
          </div>
        </div>
      ),
    },
    { title: t('tips.col.status'), key: 'status', width: 150, render: (_, r) => <TipStatusTag status={r.status} /> },
    {
      title: t('tips.col.assignee'),
      key: 'assignee',
      width: 130,
      render: (_, r) => r.assignee ?? <Text type="secondary">{t('tips.unassigned')}</Text>,
    },
    { title: t('tips.col.due'), key: 'due', width: 140, render: (_, r) => <DueDate at={r.due_at} overdue={r.overdue} /> },
  ];

  const compactColumns = compactColumn<TipListItem>(
    t('tips.col.tip'),
    'tip',
    (r) => (
      <>
        {codeLink(r)}
        <TipStatusTag status={r.status} />
      </>
    ),
    (r) => (
      <>
        <Text strong>{categoryLabel(r.category)}</Text>
        <Paragraph ellipsis={{ rows: 2 }} className="antq-tip-excerpt__text">
          {r.excerpt}
        </Paragraph>
        <Text type="secondary">
          {r.unit.name} · {formatDateTime(r.received_at)}
        </Text>
        <div className="antq-compact-row__tags">
          <DueDate at={r.due_at} overdue={r.overdue} />
          {badges(r)}
        </div>
        <Text type="secondary">
          {t('tips.col.assignee')}: {r.assignee ?? t('tips.unassigned')}
        </Text>
      </>
    ),
  );

  return { columns, compactColumns };
}
