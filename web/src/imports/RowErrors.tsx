/** The refused rows of a check or a run: the sheet's row number (in red), the column, what to fix. */
import { Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { compactColumn } from '../components/compactColumn';
import { useNarrow } from '../components/useBreakpoint';
import { formatNumber } from '../lib/format';
import type { RowError } from './api';

const { Title, Text } = Typography;

export default function RowErrors({ errors, truncated, testId }: { errors: RowError[]; truncated?: boolean; testId: string }) {
  const { t } = useTranslation();
  const narrow = useNarrow();
  const rowTag = (e: RowError) => (
    <Tag color="red" data-testid="refused-row">
      {t('imports.errors.rowN', { n: e.row })}
    </Tag>
  );
  const columns: ColumnsType<RowError> = narrow
    ? compactColumn(t('imports.errors.title'), 'error', rowTag, (e) => (
        <div>
          {e.column && <Text strong>{e.column}: </Text>}
          {e.message}
        </div>
      ))
    : [
        { title: t('imports.errors.row'), key: 'row', width: 110, render: (_, e) => rowTag(e) },
        { title: t('imports.errors.column'), dataIndex: 'column', key: 'column', width: '25%' },
        { title: t('imports.errors.message'), dataIndex: 'message', key: 'message' },
      ];
  return (
    <div className="antq-import-gap" data-testid={testId}>
      <Title level={2} className="antq-import-subtitle antq-import-subtitle--error">
        {t('imports.errors.title')}
      </Title>
      <Table<RowError>
        size="small"
        rowKey={(e) => `${e.row}:${e.column}:${e.message}`}
        columns={columns}
        dataSource={errors}
        showHeader={!narrow}
        rowClassName="antq-import-refused"
        pagination={errors.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      />
      {truncated && <Text type="secondary">{t('imports.errors.truncated', { n: formatNumber(errors.length) })}</Text>}
    </div>
  );
}
