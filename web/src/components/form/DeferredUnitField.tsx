/**
 * The unit field (UnitField) with its tree loaded after the page it is on has been shown: Ant
 * Design's TreeSelect and its tree are about 50 kB gzip, a sixth of the staff app's first load
 * (issue 17), and the header's unit bar is on every page. Until the tree is there, a box that looks
 * like the field shows the chosen unit; reaching for it (a click, a tap, the keyboard's focus)
 * loads the tree at once and opens it.
 */
import { DownOutlined } from '@ant-design/icons';
import { Suspense, lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { useDeferredControl } from './useDeferredControl';
import { useUnitDetails } from './unitTree';
import type { UnitFieldProps } from './UnitField';
import './deferredBox.css';

const UnitField = lazy(() => import('./UnitField'));

export default function DeferredUnitField(props: UnitFieldProps) {
  const { t } = useTranslation();
  const { wanted, reached, reach, ask } = useDeferredControl();

  const values = props.multiple ? (props.value ?? []) : props.value ? [props.value] : [];
  const details = useUnitDetails(values);
  const text = values.map((code, i) => details[i]?.data?.full_name ?? code).join(', ');
  const placeholder = props.placeholder ?? (props.multiple ? t('unitPicker.placeholderMany') : t('unitPicker.placeholder'));
  const box = (
    <button
      type="button"
      id={props.id}
      className={[
        'antq-deferred-box',
        props.size === 'large' ? 'antq-deferred-box--large' : '',
        props.status === 'error' ? 'antq-deferred-box--error' : '',
        props.className ?? '',
      ]
        .filter(Boolean)
        .join(' ')}
      disabled={props.disabled}
      aria-label={props['aria-label'] ?? t('unitPicker.label')}
      aria-invalid={props['aria-invalid']}
      aria-describedby={props['aria-describedby']}
      aria-haspopup="tree"
      onClick={reach}
      onFocus={reach}
      onPointerEnter={ask}
    >
      <span className={text ? 'antq-deferred-box__value' : 'antq-deferred-box__placeholder'}>{text || placeholder}</span>
      <DownOutlined className="antq-deferred-box__arrow" aria-hidden />
    </button>
  );
  if (!wanted) return box;
  return (
    <Suspense fallback={box}>
      <UnitField {...props} autoFocus={reached} defaultOpen={reached} />
    </Suspense>
  );
}
