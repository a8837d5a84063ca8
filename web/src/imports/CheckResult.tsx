/** Step 3: what the dry run found — the counts, the column mapping to correct, the refused rows — and the run button. */
import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { formatNumber } from '../lib/format';
import Counts from './Counts';
import MappingTable from './MappingTable';
import RowErrors from './RowErrors';
import { rowsToWrite } from './logic';
import type { ImportFlow } from './useImportFlow';
import type { ImportTarget } from './targets';

const { Paragraph } = Typography;

export default function CheckResult({ target, flow }: { target: ImportTarget; flow: ImportFlow }) {
  const { t } = useTranslation();
  const { result, check, start } = flow;
  if (!result) return null;
  const n = rowsToWrite(result);
  // the answer shown is the one before the last change until the new one comes
  const stale = check.isPending || check.isError;
  return (
    <Card size="small" title={t('imports.check.title')} className="antq-import-card" data-testid="import-check">
      <Counts
        testId="check-counts"
        items={[
          { key: 'rows', label: t('imports.check.rows'), value: result.rows },
          { key: 'create', label: t('imports.check.create'), value: result.create },
          { key: 'update', label: t('imports.check.update'), value: result.update },
          { key: 'unchanged', label: t('imports.check.unchanged'), value: result.unchanged },
          { key: 'refused', label: t('imports.check.refused'), value: result.refused, danger: true },
        ]}
      />

      <MappingTable target={target} entries={result.mapping} choice={flow.choice} onChange={flow.remap} disabled={start.isPending} />

      {result.refused > 0 && (
        <>
          <Alert className="antq-import-gap" type="warning" showIcon message={t('imports.check.refusedNote')} />
          <RowErrors errors={result.errors} truncated={result.errors_truncated} testId="refused-rows" />
        </>
      )}

      <div className="antq-import-gap">
        {n === 0 && <Paragraph type="secondary">{t('imports.check.nothing')}</Paragraph>}
        {start.isError && (
          <div className="antq-import-gap-after">
            <ApiErrorAlert error={start.error} />
          </div>
        )}
        <Button
          type="primary"
          size="large"
          icon={<CloudUploadOutlined />}
          disabled={n === 0 || stale}
          loading={start.isPending}
          onClick={() => start.mutate()}
          data-testid="import-run"
        >
          {t('imports.check.run', { n: formatNumber(n) })}
        </Button>
      </div>
    </Card>
  );
}
