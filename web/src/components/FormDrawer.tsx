import { Button, Drawer } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useBreakpoint } from './useBreakpoint';
import './FormDrawer.css';

/** The primary button under a drawer's form. */
export interface DrawerSave {
  label: string;
  loading: boolean;
  disabled?: boolean;
  onClick: () => void;
  testId: string;
}

interface Props {
  title: ReactNode;
  open: boolean;
  onClose: () => void;
  /** The drawer's width from the `wideFrom` breakpoint up; below it, the whole screen. */
  width: number;
  wideFrom?: 'sm' | 'md';
  testId: string;
  /** The save button; without one the footer only closes the drawer. */
  save?: DrawerSave;
  /** The button that closes the drawer: "Hủy" by default. */
  closeLabel?: string;
  /** What stands on the left of the footer (deleting the record). */
  start?: ReactNode;
  children: ReactNode;
}

/**
 * A form in a side drawer (the whole screen on a phone), its buttons in the footer: on the left
 * what `start` holds, on the right the close button and the save button.
 */
export default function FormDrawer({ title, open, onClose, width, wideFrom = 'sm', testId, save, closeLabel, start, children }: Props) {
  const { t } = useTranslation();
  const screens = useBreakpoint();
  return (
    <Drawer
      title={title}
      open={open}
      onClose={onClose}
      width={screens[wideFrom] ? width : '100%'}
      destroyOnHidden
      data-testid={testId}
      footer={
        <div className="antq-form-actions">
          {start && <span className="antq-form-actions__start">{start}</span>}
          <Button onClick={onClose}>{closeLabel ?? t('common.cancel')}</Button>
          {save && (
            <Button type="primary" loading={save.loading} disabled={save.disabled} onClick={save.onClick} data-testid={save.testId}>
              {save.label}
            </Button>
          )}
        </div>
      }
    >
      {children}
    </Drawer>
  );
}
