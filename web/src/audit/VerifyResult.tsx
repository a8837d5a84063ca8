import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';
import type { AuditVerify } from './api';

/** The answer of the hash chain check: every entry intact, or the first one that is not. */
export default function VerifyResult({ result, onClose }: { result: AuditVerify; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      className="antq-block-sm"
      data-testid="audit-verify-result"
      type={result.ok ? 'success' : 'error'}
      showIcon
      closable
      onClose={onClose}
      message={
        result.ok
          ? t('audit.verify.ok', { n: formatNumber(result.checked) })
          : t('audit.verify.bad', { id: result.first_bad_id ?? '?', n: formatNumber(result.checked) })
      }
      description={!result.ok && result.problem ? result.problem : undefined}
    />
  );
}
