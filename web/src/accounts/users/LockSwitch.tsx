import { Switch, Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** The "locked" switch, with what it means now in words beside it. */
export default function LockSwitch(props: { id?: string; checked?: boolean; onChange?: (v: boolean) => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const { id, checked = false, onChange, disabled } = props;
  return (
    <span className="antq-lock-switch">
      <Switch id={id} checked={checked} onChange={(v) => onChange?.(v)} disabled={disabled} />
      {checked ? <Tag color="red">{t('users.form.lockedNow')}</Tag> : <Tag color="green">{t('users.form.activeNow')}</Tag>}
    </span>
  );
}
