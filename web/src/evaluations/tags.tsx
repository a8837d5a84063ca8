/** Status and result tags of an evaluation, and a unit's name whatever shape the API gives it. */
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EvaluationResult } from './api';

const STATUS_COLOR: Record<string, string> = { draft: 'default', submitted: 'blue', returned: 'orange', approved: 'green' };

export function StatusTag({ status }: { status: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status] ?? 'default'} data-testid="evaluation-status">
      {t(`evaluations.status.${status}`, { defaultValue: status })}
    </Tag>
  );
}

/** The result; `expected`: before approval, what the answers lead to (a lighter, dashed tag). */
export function ResultTag({ result, expected = false }: { result: EvaluationResult | undefined; expected?: boolean }) {
  const { t } = useTranslation();
  if (!result) return <Tag data-testid="evaluation-result">{t('evaluations.result.none')}</Tag>;
  if (expected)
    return (
      <Tag className="antq-eval-expected" data-testid="evaluation-result">
        {t(`evaluations.result.expected_${result}`)}
      </Tag>
    );
  return (
    <Tag color={result === 'passed' ? 'green' : 'red'} data-testid="evaluation-result">
      {t(`evaluations.result.${result}`)}
    </Tag>
  );
}

/** "Thôn Trường Thọ" from {code, name}, or the code itself. */
export function unitName(unit: { code: string; name?: string | null } | string | null | undefined): string {
  if (!unit) return '';
  if (typeof unit === 'string') return unit;
  return unit.name || unit.code;
}
