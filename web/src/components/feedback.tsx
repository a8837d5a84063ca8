/**
 * The app's short messages ("Đã lưu") and confirmation dialogs, in place of Ant Design's `<App>`.
 * `<App>` carries the machinery of modals and notifications into every first load (about 50 kB
 * gzip, a sixth of the staff app's budget); messages are what a first page needs, and a
 * confirmation loads Ant Design's modal (ConfirmDialog) the first time one is asked for.
 *
 * `useFeedback()` answers `{ message, modal }` as `App.useApp()` did: `modal.confirm(props)` takes
 * the props of `Modal.confirm` and shows them in the app's theme and language.
 */
import { message as antMessage, type ModalFuncProps } from 'antd';
import type { MessageInstance } from 'antd/es/message/interface';
import { Suspense, createContext, lazy, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

const ConfirmDialog = lazy(() => import('./ConfirmDialog'));

interface Feedback {
  message: MessageInstance;
  modal: { confirm: (props: ModalFuncProps) => void };
}

const FeedbackContext = createContext<Feedback | null>(null);

export function FeedbackProvider({ children }: { children: ReactNode }) {
  const [message, messageHolder] = antMessage.useMessage();
  // asked confirmations, shown one after another
  const [asked, setAsked] = useState<{ id: number; props: ModalFuncProps }[]>([]);
  const confirm = useCallback((props: ModalFuncProps) => setAsked((q) => [...q, { id: Date.now() + Math.random(), props }]), []);
  const value = useMemo(() => ({ message, modal: { confirm } }), [message, confirm]);
  const current = asked[0];
  return (
    <FeedbackContext.Provider value={value}>
      {messageHolder}
      {children}
      {current && (
        <Suspense fallback={null}>
          <ConfirmDialog key={current.id} {...current.props} onGone={() => setAsked((q) => q.slice(1))} />
        </Suspense>
      )}
    </FeedbackContext.Provider>
  );
}

export function useFeedback(): Feedback {
  const value = useContext(FeedbackContext);
  if (!value) throw new Error('useFeedback outside FeedbackProvider');
  return value;
}
