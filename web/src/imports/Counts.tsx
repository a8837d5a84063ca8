/** The figures of a check or of a run, side by side (wrapping on a phone); refusals in red when there are any. */
import { Statistic } from 'antd';
import { formatNumber } from '../lib/format';

export interface CountItem {
  key: string;
  label: string;
  value: number;
  danger?: boolean;
}

export default function Counts({ items, testId }: { items: CountItem[]; testId: string }) {
  return (
    <div className="antq-import-counts" data-testid={testId}>
      {items.map((c) => (
        <Statistic
          key={c.key}
          title={c.label}
          value={c.value}
          formatter={(v) => <span data-testid={`${testId}-${c.key}`}>{formatNumber(Number(v))}</span>}
          valueStyle={c.danger && c.value > 0 ? { color: '#cf1322' } : undefined}
        />
      ))}
    </div>
  );
}
