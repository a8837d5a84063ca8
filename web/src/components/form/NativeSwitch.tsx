/**
 * An on/off switch as a button with the `switch` role, drawn as Ant Design's Switch: the reports
 * dashboard's "compare with last year" on its first screen, without antd's Switch (~3 KB gzip,
 * issue 17). A label points at it by `id`. Styles in toggleButtons.css.
 */
import './toggleButtons.css';

export default function NativeSwitch({
  id,
  checked,
  onChange,
  'data-testid': testId,
}: {
  id?: string;
  checked: boolean;
  onChange: (on: boolean) => void;
  'data-testid'?: string;
}) {
  return (
    <button
      type="button"
      role="switch"
      id={id}
      aria-checked={checked}
      className={checked ? 'antq-switch antq-switch--on' : 'antq-switch'}
      onClick={() => onChange(!checked)}
      data-testid={testId}
    >
      <span className="antq-switch__knob" aria-hidden />
    </button>
  );
}
