/** The units not yet recognised in a year, with their registration and evaluation. */
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { UnitFilter, YearFilter } from '../components/FilterBar';
import { hasPermission, useAuth } from '../accounts/auth';
import { useSelectedUnit } from '../components/useSelectedUnit';
import { yearVN } from '../registers/payload';
import { evaluationKeys, listPending, type PendingUnit } from './api';
import { EVALUATIONS_WRITE, evaluationPath } from './paths';
import { ResultTag, StatusTag, unitName } from './tags';
import { useNarrow } from '../components/useBreakpoint';

const { Paragraph, Text } = Typography;

export default function PendingList({ onCreate }: { onCreate: (unit: string, year: number) => void }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const narrow = useNarrow();
  const [unit, setUnit] = useSelectedUnit();
  const [year, setYear] = useState<number>(yearVN());
  const canWrite = hasPermission(user, EVALUATIONS_WRITE);
  const query = { unit: unit ?? undefined, year };
  const pending = useQuery({ queryKey: evaluationKeys.pending(query), queryFn: ({ signal }) => listPending(query, signal) });
  const registeredTag = (r: PendingUnit) =>
    r.registered ? <Tag color="green">{t('evaluations.pending.yes')}</Tag> : <Tag>{t('evaluations.pending.no')}</Tag>;
  const evaluationCell = (r: PendingUnit) =>
    r.evaluation ? (
      <Link to={evaluationPath(r.evaluation.id)}>
        <StatusTag status={r.evaluation.status} /> <ResultTag result={r.evaluation.result} expected={r.evaluation.status !== 'approved'} />
      </Link>
    ) : canWrite ? (
      <Button size="small" icon={<PlusOutlined />} onClick={() => onCreate(r.unit.code, year)} data-testid="pending-create">
        {t('evaluations.pending.create')}
      </Button>
    ) : (
      <Text type="secondary">{t('evaluations.pending.none')}</Text>
    );
  const compact: ColumnsType<PendingUnit> = [
    {
      key: 'card',
      render: (_, r) => (
        <div className="antq-compact-row" data-testid="pending-card">
          <div className="antq-compact-row__head">
            <Text strong>{unitName(r.unit)}</Text>
            {registeredTag(r)}
          </div>
          <Text type="secondary">{t(`evaluations.kinds.${r.target_kind}`, { defaultValue: r.target_kind })}</Text>
          <div>{evaluationCell(r)}</div>
        </div>
      ),
    },
  ];
  const columns: ColumnsType<PendingUnit> = [
    { title: t('evaluations.list.unit'), key: 'unit', render: (_, r) => unitName(r.unit) },
    {
      title: t('evaluations.list.kind'),
      key: 'kind',
      render: (_, r) => t(`evaluations.kinds.${r.target_kind}`, { defaultValue: r.target_kind }),
    },
    { title: t('evaluations.pending.registered'), key: 'registered', render: (_, r) => registeredTag(r) },
    { title: t('evaluations.pending.evaluation'), key: 'evaluation', render: (_, r) => evaluationCell(r) },
  ];
  return (
    <>
      <div className="antq-reg-filters">
        <UnitFilter label={t('evaluations.list.unit')} unit={unit} setUnit={setUnit} />
        <YearFilter label={t('evaluations.list.year')} value={year} onChange={(v) => v && setYear(v)} />
      </div>
      <Paragraph type="secondary" className="antq-block-sm">
        {t('evaluations.pending.hint', { year })}
      </Paragraph>
      {pending.isError && <ApiErrorAlert error={pending.error} onRetry={() => void pending.refetch()} />}
      <Table<PendingUnit>
        data-testid="pending-table"
        rowKey={(r) => r.unit.code}
        size="middle"
        columns={narrow ? compact : columns}
        showHeader={!narrow}
        dataSource={pending.data?.items ?? []}
        loading={pending.isPending}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('evaluations.pending.empty') }}
      />
    </>
  );
}
