/**
 * One of a few choices as buttons side by side, the chosen one pressed, drawn as Ant Design's
 * Segmented: the quick entry's "activity or patrol", the dashboard's period and its charts' measure.
 * Segmented and its motion cost ~4 KB gzip on first screens that must load little (issue 17). Unlike
 * Segmented (radio buttons: one tab stop, arrow keys), these are toggle buttons in a named group,
 * each a tab stop, each saying whether it is pressed. Styles in toggleButtons.css.
 */
import './toggleButtons.css';

export interface ToggleOption<T extends string> {
  value: T;
  label: string;
}

export default function ToggleButtons<T extends string>({
  value,
  onChange,
  options,
  size = 'middle',
  block,
  className,
  'aria-label': ariaLabel,
  'data-testid': testId,
}: {
  value: T;
  onChange: (value: T) => void;
  options: readonly ToggleOption<T>[];
  size?: 'small' | 'middle' | 'large';
  /** As wide as its container, the buttons sharing it. */
  block?: boolean;
  className?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}) {
  const classes = ['antq-toggle', size === 'middle' ? '' : `antq-toggle--${size}`, block ? 'antq-toggle--block' : '', className ?? '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={classes} role="group" aria-label={ariaLabel} data-testid={testId}>
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={value === o.value}
          className={value === o.value ? 'antq-toggle__item antq-toggle__item--on' : 'antq-toggle__item'}
          // as Segmented: pressing the chosen one again changes nothing
          onClick={() => o.value !== value && onChange(o.value)}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
