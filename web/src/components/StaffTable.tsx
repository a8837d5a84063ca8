import { Table, type TablePaginationConfig, type TableProps } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Page } from '../api/types';
import { useNarrow } from './useBreakpoint';
import { PAGE_SIZES } from './listParams';

/**
 * A staff list as a table: its columns on wide screens (scrolling sideways below `scrollX` px),
 * on a phone one column of cards (`compactColumns`) without a header.
 */
export default function StaffTable<T extends object>({
  columns,
  compactColumns,
  scrollX,
  ...table
}: Omit<TableProps<T>, 'columns' | 'scroll' | 'showHeader'> & {
  columns: ColumnsType<T>;
  compactColumns: ColumnsType<T>;
  scrollX: number;
}) {
  const narrow = useNarrow();
  return (
    <Table<T>
      size="middle"
      {...table}
      columns={narrow ? compactColumns : columns}
      showHeader={!narrow}
      scroll={narrow ? undefined : { x: scrollX }}
    />
  );
}

/**
 * The paging of a table of an API's pages: the page and size the server answered (the ones asked
 * for until it has), the sizes to choose from; `onChange` asks for another page or size.
 */
export function pageOf(
  answer: Pick<Page<unknown>, 'page' | 'per_page' | 'total'> | undefined,
  asked: { page: number; perPage: number },
  onChange: (page: number, perPage: number) => void,
): TablePaginationConfig {
  return {
    current: answer?.page ?? asked.page,
    pageSize: answer?.per_page ?? asked.perPage,
    total: answer?.total ?? 0,
    pageSizeOptions: PAGE_SIZES.map(String),
    onChange,
  };
}
