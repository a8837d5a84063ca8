/** One confirmation of feedback.tsx: Ant Design's `Modal.confirm`, in the app's theme and language. */
import { Modal, type ModalFuncProps } from 'antd';
import { useEffect } from 'react';

export default function ConfirmDialog({ onGone, ...props }: ModalFuncProps & { onGone: () => void }) {
  const [modal, holder] = Modal.useModal();
  useEffect(() => {
    // shown once per mount (feedback.tsx mounts one per confirmation); closed by the user, it is
    // gone; unmounted first (development's double mount), it is only taken away
    let mounted = true;
    const shown = modal.confirm({
      ...props,
      afterClose: () => {
        props.afterClose?.();
        if (mounted) onGone();
      },
    });
    return () => {
      mounted = false;
      shown.destroy();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return holder;
}
