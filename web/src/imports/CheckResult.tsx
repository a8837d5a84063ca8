/**
 * Step 3: what the dry run found — the counts, the column mapping to correct, the refused rows — and
 * the run button. A sheet missing a required column had no row checked: the page names the columns
 * missing, the person points a column of theirs at each in the mapping, and the run waits until
 * none is missing (the server refuses it too).
 */
import { CloudUploadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { formatNumber } from '../lib/format';
import { useLanguage } from '../registers/bits';
import Counts from './Counts';
import MappingTable from './MappingTable';
import RowErrors from './RowErrors';
import { canRun, missingColumns, rowsToWrite, type FieldOption } from './logic';
import type { ImportFlow } from './useImportFlow';
import type { ImportTarget } from './targets';
import Card from '../components/Card';

const { Paragraph } = Typography;

export default function CheckResult({ target, flow }: { target: ImportTarget; flow: ImportFlow }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { result, check, start } = flow;
  if (!result) return null;
  const n = rowsToWrite(result);
  // the answer shown is the one before the last change until the new one comes
  const stale = check.isPending || check.isError;
  const missing = missingColumns(target, result, lang);
  return (
    <Card size="small" title={t('imports.check.title')} className="antq-import-card" data-testid="import-check">
      {missing.length > 0 ? (
        <MissingColumns target={target} missing={missing} rows={result.rows} />
      ) : (
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
      )}

      <MappingTable target={target} answer={result} choice={flow.choice} onChange={flow.remap} disabled={start.isPending} />

      {missing.length === 0 && result.refused > 0 && (
        <>
          <Alert className="antq-import-gap" type="warning" showIcon message={t('imports.check.refusedNote')} />
          <RowErrors errors={result.errors} truncated={result.errors_truncated} testId="refused-rows" />
        </>
      )}

      <div className="antq-import-gap">
        {missing.length > 0 ? (
          <Paragraph type="secondary" data-testid="import-run-blocked">
            {t('imports.missing.blocked')}
          </Paragraph>
        ) : (
          n === 0 && <Paragraph type="secondary">{t('imports.check.nothing')}</Paragraph>
        )}
        {start.isError && (
          <div className="antq-import-gap-after">
            <ApiErrorAlert error={start.error} />
          </div>
        )}
        <Button
          type="primary"
          size="large"
          icon={<CloudUploadOutlined />}
          disabled={!canRun(result, stale)}
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

/** The required columns no sheet column feeds: named, with what to do (no row was checked). */
function MissingColumns({ target, missing, rows }: { target: ImportTarget; missing: FieldOption[]; rows: number }) {
  const { t } = useTranslation();
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="missing-columns"
      message={
        <Space size={[4, 4]} wrap>
          {t('imports.missing.title')}
          {missing.map((m) => (
            <Tag key={m.value} color="red" data-testid={`missing-column-${m.value}`}>
              {m.label}
            </Tag>
          ))}
        </Space>
      }
      description={
        <>
          <Paragraph className="antq-import-missing-text">{t('imports.missing.notChecked', { rows: formatNumber(rows) })}</Paragraph>
          <Paragraph className="antq-import-missing-text">{t('imports.missing.how')}</Paragraph>
          {target.updates && <Paragraph className="antq-import-missing-text">{t('imports.missing.updates')}</Paragraph>}
        </>
      }
    />
  );
}
