import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';

/**
 * The one column of a table on a phone (no room for six): the facts of a row stacked, `head` on
 * its first line (e.g. the link and the status), `body` under it.
 */
export function compactColumn<T>(title: string, key: string, head: (row: T) => ReactNode, body: (row: T) => ReactNode): ColumnsType<T> {
  return [
    {
      title,
      key,
      render: (_, row) => (
        <div className="antq-compact-row">
          <div className="antq-compact-row__head">{head(row)}</div>
          {body(row)}
        </div>
      ),
    },
  ];
}
