import { InputNumber } from 'antd';
import { formatNumber } from '../../lib/format';

/** A whole number ≥ 0, grouped as 16.000. */
export default function CountInput(props: {
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
  'aria-label'?: string;
  disabled?: boolean;
  placeholder?: string;
}) {
  return (
    <InputNumber<number>
      {...props}
      min={0}
      max={10_000_000}
      precision={0}
      inputMode="numeric"
      formatter={(v) => (v === undefined || v === null || String(v) === '' ? '' : formatNumber(Number(v), 0))}
      parser={(s) => Number((s ?? '').replace(/\D/g, '') || 0)}
      style={{ width: '100%' }}
    />
  );
}
