/** The registrations to strive for the standard in a year, with the share of households that signed. */
import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { UnitFilter, YearFilter } from '../components/FilterBar';
import { hasPermission, useAuth } from '../accounts/auth';
import { formatDate, formatNumber } from '../lib/format';
import { useSelectedUnit } from '../components/useSelectedUnit';
import { yearVN } from '../registers/payload';
import { evaluationKeys, listRegistrations, type Registration } from './api';
import { householdShare } from './logic';
import { EVALUATIONS_WRITE } from './paths';
import { unitName } from './tags';
import { useNarrow } from '../components/useBreakpoint';
import RegistrationDialog from './RegistrationDialog';

const { Paragraph, Text } = Typography;

export default function Registrations() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const narrow = useNarrow();
  const [unit, setUnit] = useSelectedUnit();
  const [year, setYear] = useState<number>(yearVN());
  const [editing, setEditing] = useState<Registration | 'new' | null>(null);
  const canWrite = hasPermission(user, EVALUATIONS_WRITE);
  const query = { unit: unit ?? undefined, year };
  const regs = useQuery({ queryKey: evaluationKeys.registrations(query), queryFn: ({ signal }) => listRegistrations(query, signal) });
  const households = (r: Registration) => {
    const share = householdShare(r.households_total, r.households_registered);
    if (share === null) return <Text type="secondary">—</Text>;
    return (
      <span className="antq-nowrap">
        {formatNumber(r.households_registered ?? 0)}/{formatNumber(r.households_total ?? 0)}{' '}
        <Tag color={share >= 100 ? 'green' : 'orange'}>{share}%</Tag>
      </span>
    );
  };
  const compact: ColumnsType<Registration> = [
    {
      key: 'card',
      render: (_, r) => (
        <div className="antq-compact-row" data-testid="registration-card">
          <div className="antq-compact-row__head">
            <Text strong>{unitName(r.unit)}</Text>
            {canWrite && (
              <Button size="small" onClick={() => setEditing(r)}>
                {t('evaluations.registrations.edit')}
              </Button>
            )}
          </div>
          <Text type="secondary">
            {t('evaluations.registrations.registeredOn')}: {formatDate(r.registered_on)}
          </Text>
          <div>
            <Text type="secondary">{t('evaluations.registrations.households')}: </Text>
            {households(r)}
          </div>
        </div>
      ),
    },
  ];
  const columns: ColumnsType<Registration> = [
    { title: t('evaluations.list.unit'), key: 'unit', render: (_, r) => unitName(r.unit) },
    { title: t('evaluations.registrations.registeredOn'), key: 'on', render: (_, r) => formatDate(r.registered_on), width: 130 },
    { title: t('evaluations.registrations.households'), key: 'households', render: (_, r) => households(r) },
    ...(canWrite
      ? [
          {
            title: '',
            key: 'edit',
            width: 90,
            render: (_: unknown, r: Registration) => (
              <Button size="small" onClick={() => setEditing(r)}>
                {t('evaluations.registrations.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <div className="antq-reg-filters">
        <UnitFilter label={t('evaluations.list.unit')} unit={unit} setUnit={setUnit} />
        <YearFilter label={t('evaluations.list.year')} value={year} onChange={(v) => v && setYear(v)} />
        {canWrite && (
          <div className="antq-reg-filter antq-reg-filter--end">
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="registration-add">
              {t('evaluations.registrations.add')}
            </Button>
          </div>
        )}
      </div>
      <Paragraph type="secondary" className="antq-block-sm">
        {t('evaluations.registrations.hint')}
      </Paragraph>
      {regs.isError && <ApiErrorAlert error={regs.error} onRetry={() => void regs.refetch()} />}
      <Table<Registration>
        data-testid="registration-table"
        rowKey={(r) => String(r.id)}
        size="middle"
        columns={narrow ? compact : columns}
        showHeader={!narrow}
        dataSource={regs.data?.items ?? []}
        loading={regs.isPending}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: t('evaluations.registrations.none') }}
      />
      <RegistrationDialog editing={editing} defaults={{ unit: unit ?? user?.unit?.code ?? null, year }} onClose={() => setEditing(null)} />
    </>
  );
}
