/**
 * The browser's own list (`<select>`) drawn as Ant Design's Select, with its arrow: the phone shows
 * its system list, quicker than a drawn one, and it costs nothing to load. Ant Design's Select is
 * ~23 KB gzip; the first screens that must load little (the quick form, the reports dashboard,
 * issue 17) use this. Styles in nativeField.css.
 */
import { DownOutlined } from '@ant-design/icons';
import type { SelectHTMLAttributes } from 'react';
import './nativeField.css';

export interface NativeOption {
  value: string;
  label: string;
}

type Props = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'size'> & {
  value: string;
  onChange: (value: string) => void;
  options: readonly NativeOption[];
  /** Shown (and not choosable again) while nothing is chosen. */
  placeholder?: string;
  /** `large`: 40 px, as the quick form's fields; `middle`: 32 px, as Ant Design's default. */
  size?: 'middle' | 'large';
};

export default function NativeSelect({ value, onChange, options, placeholder, size = 'large', className, ...rest }: Props) {
  const classes = ['antq-nf__control', size === 'middle' ? 'antq-nf__control--middle' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <span className="antq-nf__select">
      <select {...rest} className={classes} value={value} onChange={(e) => onChange(e.target.value)}>
        {placeholder !== undefined && (
          <option value="" disabled>
            {placeholder}
          </option>
        )}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <DownOutlined className="antq-nf__select-arrow" aria-hidden />
    </span>
  );
}
