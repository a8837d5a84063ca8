/**
 * The inbox of tips: its filters and the table (Ant Design's Table, Select and date picker: most of
 * the tips page's code). TipsPage shows it, under the to-do panel where a police officer lands,
 * loaded once that panel is shown.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { PAGE_SIZES } from '../components/listParams';
import { useNarrow } from '../components/useBreakpoint';
import { formatNumber } from '../lib/format';
import type { TipListItem, TipPage } from './api';
import { useTipColumns } from './tipColumns';
import type { TipFilterValues } from './filters';
import TipFilters from './TipFilters';

interface Props {
  tips: UseQueryResult<TipPage>;
  filters: TipFilterValues;
  setFilters: (f: Partial<TipFilterValues>) => void;
  unit: string | null;
  setUnit: (code: string | null) => void;
  page: number;
  perPage: number;
  setPage: (page: number, perPage: number) => void;
  /** A filter (or a unit) is chosen: the empty table says so. */
  anyFilter: boolean;
}

export default function TipsInbox({ tips, filters, setFilters, unit, setUnit, page, perPage, setPage, anyFilter }: Props) {
  const { t } = useTranslation();
  const narrow = useNarrow();
  const { columns, compactColumns } = useTipColumns();
  const size = tips.data?.per_page ?? perPage;
  return (
    <>
      <TipFilters filters={filters} setFilters={setFilters} unit={unit} setUnit={setUnit} />

      {tips.isError && (
        <div className="antq-block-sm">
          <ApiErrorAlert error={tips.error} onRetry={() => void tips.refetch()} />
        </div>
      )}

      <Table<TipListItem>
        className="antq-block"
        data-testid="tips-table"
        rowKey={(r) => String(r.id)}
        size="middle"
        columns={narrow ? compactColumns : columns}
        dataSource={tips.data?.items ?? []}
        // the overlay only while nothing (or an older page) is shown, not on background refreshes
        loading={tips.isPending || (tips.isFetching && tips.isPlaceholderData)}
        rowClassName={(r) => (r.overdue ? 'antq-row-overdue' : '')}
        scroll={narrow ? undefined : { x: 900 }}
        locale={{ emptyText: anyFilter ? t('tips.noneFiltered') : t('tips.none') }}
        pagination={{
          current: tips.data?.page ?? page,
          pageSize: size,
          total: tips.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES.map(String),
          showSizeChanger: true,
          showTotal: (total) => t('tips.total', { n: formatNumber(total) }),
          onChange: setPage,
        }}
      />
    </>
  );
}
