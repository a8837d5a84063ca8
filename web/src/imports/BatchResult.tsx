/**
 * Step 5: a finished batch — its figures, why it failed (if it did), its refused rows with the
 * download of the failed rows to fix and upload again, the way back to its list, and the undo.
 */
import { DownloadOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import DownloadButton from '../components/DownloadButton';
import { formatDateTime, formatNumber } from '../lib/format';
import { useLabel } from '../registers/bits';
import { failedRowsUrl, type Batch, type UndoResult } from './api';
import Counts from './Counts';
import { failedRowsFileName } from './logic';
import RowErrors from './RowErrors';
import UndoImport, { KeptList } from './UndoImport';
import type { ImportTarget } from './targets';
import Card from '../components/Card';

const { Paragraph } = Typography;

export default function BatchResult({ target, batch: b }: { target: ImportTarget; batch: Batch }) {
  const { t } = useTranslation();
  const label = useLabel();
  // the undo's answer: how many records went, which stayed (the batch itself says only that it was undone)
  const [undo, setUndo] = useState<UndoResult | null>(null);
  return (
    <Card size="small" title={t('imports.result.title')} className="antq-import-card" data-testid="import-result">
      {b.status === 'failed' && b.message && (
        <Alert className="antq-import-gap-after" type="error" showIcon role="alert" message={b.message} />
      )}
      <Counts
        testId="result-counts"
        items={[
          { key: 'created', label: t('imports.result.created'), value: b.created },
          { key: 'updated', label: t('imports.result.updated'), value: b.updated },
          { key: 'unchanged', label: t('imports.result.unchanged'), value: b.unchanged },
          { key: 'refused', label: t('imports.result.refused'), value: b.refused, danger: true },
        ]}
      />

      {b.refused > 0 && (
        <div className="antq-import-gap">
          <DownloadButton
            danger
            icon={<DownloadOutlined />}
            href={failedRowsUrl(b.id)}
            fileName={failedRowsFileName(b.file_name, b.format)}
            data-testid="failed-rows"
          >
            {t('imports.result.failedRows')}
          </DownloadButton>
          <Paragraph type="secondary" className="antq-import-hint">
            {t('imports.result.failedRowsHint')}
          </Paragraph>
        </div>
      )}
      {!!b.errors?.length && <RowErrors errors={b.errors} testId="result-errors" />}

      {(undo || b.status === 'undone') && (
        <div className="antq-import-gap" data-testid="import-undone">
          <Alert
            type="info"
            showIcon
            message={
              undo
                ? t('imports.result.undone', { n: formatNumber(undo.removed) })
                : t('imports.result.undoneAt', { at: formatDateTime(b.undone_at) })
            }
          />
          <KeptList kept={undo?.kept ?? b.undo_kept ?? []} />
        </div>
      )}

      <Space wrap className="antq-import-actions">
        <Link to={target.back.path} data-testid="import-to-list">
          <Button icon={<UnorderedListOutlined />}>{t('imports.result.toList', { list: label(target.back.label) })}</Button>
        </Link>
        {(b.status === 'done' || b.status === 'failed') && !undo && <UndoImport target={target} id={b.id} onUndone={setUndo} />}
      </Space>
    </Card>
  );
}
