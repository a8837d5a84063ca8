/** The evaluations tab: the list, filtered in the address. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Progress, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { SelectFilter, UnitFilter, YearFilter } from '../components/FilterBar';
import { formatDate, formatNumber } from '../lib/format';
import { PAGE_SIZES, listQuery, useListParams } from '../components/listParams';
import { useSelectedUnit } from '../components/useSelectedUnit';
import { EVALUATION_STATUSES, TARGET_KINDS, evaluationKeys, listEvaluations, type EvaluationRow } from './api';
import { evaluationPath } from './paths';
import { ResultTag, StatusTag, unitName } from './tags';
import { useNarrow } from '../components/useBreakpoint';

const { Text } = Typography;

const LIST_KEYS = ['year', 'status', 'target_kind'] as const;

export default function EvaluationList() {
  const { t } = useTranslation();
  const narrow = useNarrow();
  const { filters, page, perPage, setFilters, setPage } = useListParams(LIST_KEYS);
  const [unit, setUnit] = useSelectedUnit();
  const query = { unit: unit ?? undefined, ...listQuery(filters, page, perPage) };
  const list = useQuery({
    queryKey: evaluationKeys.list(query),
    queryFn: ({ signal }) => listEvaluations(query, signal),
    placeholderData: keepPreviousData,
  });
  const anyFilter = LIST_KEYS.some((k) => filters[k]) || !!unit;
  const link = (r: EvaluationRow) => (
    <>
      <Link to={evaluationPath(r.id)} data-testid="evaluation-link">
        {unitName(r.unit)}
      </Link>
      {/* an optional set ("6 không") beside the official one: say which */}
      {r.criteria_set?.optional && (
        <Tag color="purple" className="antq-eval-set-tag">
          {r.criteria_set.title}
        </Tag>
      )}
    </>
  );
  const columns: ColumnsType<EvaluationRow> = [
    { title: t('evaluations.list.unit'), key: 'unit', render: (_, r) => link(r) },
    {
      title: t('evaluations.list.kind'),
      key: 'kind',
      render: (_, r) => t(`evaluations.kinds.${r.target_kind}`, { defaultValue: r.target_kind }),
    },
    { title: t('evaluations.list.year'), dataIndex: 'year', key: 'year', width: 80 },
    {
      title: t('evaluations.detail.evaluatedOn'),
      key: 'evaluated_on',
      width: 130,
      render: (_, r) => <span className="antq-nowrap">{formatDate(r.evaluated_on ?? null)}</span>,
    },
    { title: t('evaluations.list.status'), key: 'status', render: (_, r) => <StatusTag status={r.status} />, width: 150 },
    {
      title: t('evaluations.list.result'),
      key: 'result',
      render: (_, r) => <ResultTag result={r.result} expected={r.status !== 'approved'} />,
      width: 150,
    },
    {
      title: t('evaluations.list.progress'),
      key: 'progress',
      width: 150,
      render: (_, r) =>
        r.progress ? (
          <Progress
            percent={r.progress.total ? Math.round((r.progress.answered * 100) / r.progress.total) : 0}
            size="small"
            format={() => `${r.progress!.answered}/${r.progress!.total}`}
          />
        ) : null,
    },
  ];
  const compact: ColumnsType<EvaluationRow> = [
    {
      key: 'card',
      render: (_, r) => (
        <div className="antq-compact-row" data-testid="evaluation-card">
          <div className="antq-compact-row__head">
            {link(r)}
            <span>
              <StatusTag status={r.status} /> <ResultTag result={r.result} expected={r.status !== 'approved'} />
            </span>
          </div>
          <Text type="secondary">
            {t(`evaluations.kinds.${r.target_kind}`, { defaultValue: r.target_kind })} · {r.year}
            {r.evaluated_on ? ` · ${formatDate(r.evaluated_on)}` : ''}
            {r.progress ? ` · ${r.progress.answered}/${r.progress.total}` : ''}
          </Text>
        </div>
      ),
    },
  ];
  return (
    <>
      <EvaluationFilters filters={filters} setFilters={setFilters} unit={unit} setUnit={setUnit} anyFilter={anyFilter} />
      <div className="antq-reg-toolbar">
        <Text type="secondary" data-testid="evaluation-total">
          {list.data ? t('evaluations.list.total', { n: formatNumber(list.data.total) }) : ''}
        </Text>
      </div>
      {list.isError && <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      <Table<EvaluationRow>
        className="antq-block"
        data-testid="evaluation-table"
        rowKey={(r) => String(r.id)}
        size="middle"
        columns={narrow ? compact : columns.filter((c) => c.key !== 'progress' || list.data?.items.some((r) => r.progress))}
        showHeader={!narrow}
        dataSource={list.data?.items ?? []}
        loading={list.isPending}
        scroll={narrow ? undefined : { x: 800 }}
        locale={{ emptyText: anyFilter ? t('registers.list.noneFiltered') : t('evaluations.list.none') }}
        pagination={{
          current: list.data?.page ?? page,
          pageSize: list.data?.per_page ?? perPage,
          total: list.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES.map(String),
          showSizeChanger: !narrow,
          size: narrow ? 'small' : undefined,
          onChange: setPage,
        }}
      />
    </>
  );
}

/** The list's filters: the unit, the year, the status, the kind. */
function EvaluationFilters({
  filters,
  setFilters,
  unit,
  setUnit,
  anyFilter,
}: {
  filters: Record<(typeof LIST_KEYS)[number], string>;
  setFilters: (changes: Partial<Record<(typeof LIST_KEYS)[number], string>>) => void;
  unit: string | null;
  setUnit: (unit: string | null) => void;
  anyFilter: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="antq-reg-filters" data-testid="evaluation-filters">
      <UnitFilter label={t('evaluations.list.unit')} unit={unit} setUnit={setUnit} />
      <YearFilter
        label={t('evaluations.list.year')}
        value={filters.year ? Number(filters.year) : null}
        onChange={(v) => setFilters({ year: v ? String(v) : '' })}
        placeholder={t('registers.list.all')}
        testId="filter-year"
      />
      <SelectFilter
        label={t('evaluations.list.status')}
        placeholder={t('registers.list.all')}
        value={filters.status}
        onChange={(status) => setFilters({ status })}
        options={EVALUATION_STATUSES.map((s) => ({ value: s, label: t(`evaluations.status.${s}`) }))}
        testId="filter-status"
      />
      <SelectFilter
        label={t('evaluations.list.kind')}
        placeholder={t('registers.list.all')}
        value={filters.target_kind}
        onChange={(target_kind) => setFilters({ target_kind })}
        options={TARGET_KINDS.map((k) => ({ value: k, label: t(`evaluations.kinds.${k}`) }))}
      />
      {anyFilter && (
        <div className="antq-reg-filter antq-reg-filter--end">
          <Button
            onClick={() => {
              setFilters({ year: '', status: '', target_kind: '' });
              setUnit(null);
            }}
          >
            {t('registers.list.reset')}
          </Button>
        </div>
      )}
    </div>
  );
}
