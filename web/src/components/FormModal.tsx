import { Modal, type ButtonProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from './ApiErrorAlert';

interface Props {
  open: boolean;
  title: ReactNode;
  onCancel: () => void;
  /** The OK button: submits the form. */
  onOk: () => void;
  okText: string;
  /** The OK button's test id (and whether it is disabled). */
  okTestId: string;
  okDisabled?: boolean;
  saving: boolean;
  /** A refusal that is about no field of the form: shown above it. */
  error?: unknown;
  testId?: string;
  children: ReactNode;
}

/**
 * A small form in a dialog: "Hủy" and the OK button (which submits the form), a refusal about no
 * particular field above the form; the form is dropped when the dialog closes.
 */
export default function FormModal({ okTestId, okDisabled, saving, error, testId, children, ...modal }: Props) {
  const { t } = useTranslation();
  return (
    <Modal
      {...modal}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': okTestId, disabled: okDisabled } as ButtonProps}
      destroyOnHidden
      data-testid={testId}
    >
      <ApiErrorAlert error={error} />
      {children}
    </Modal>
  );
}
