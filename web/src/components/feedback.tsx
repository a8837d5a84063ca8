/**
 * The app's short messages ("Đã lưu") and confirmation dialogs, in place of Ant Design's `<App>`.
 * `<App>` carries the machinery of modals and notifications into every first load (about 50 kB
 * gzip, a sixth of the staff app's budget). Neither is needed before a first page is usable: Ant
 * Design's messages (MessageHost) load once the first page is shown, and a message asked for
 * before then waits for them; a confirmation loads Ant Design's modal (ConfirmDialog) the first
 * time one is asked for.
 *
 * `useFeedback()` answers `{ message, modal }` as `App.useApp()` did: `message.success(content)`
 * and the like, and `modal.confirm(props)` with the props of `Modal.confirm`, shown in the app's
 * theme and language.
 */
import type { ModalFuncProps } from 'antd';
import type { ArgsProps, MessageInstance } from 'antd/es/message/interface';
import { Suspense, createContext, lazy, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { afterPageShown } from '../shell/pageShown';

const ConfirmDialog = lazy(() => import('./ConfirmDialog'));
const MessageHost = lazy(() => import('./MessageHost'));

type Show = (content: ReactNode | ArgsProps) => void;

/** The kinds of message the pages show; what they answer is not used. */
interface Messages {
  success: Show;
  error: Show;
  info: Show;
  warning: Show;
}

interface Feedback {
  message: Messages;
  modal: { confirm: (props: ModalFuncProps) => void };
}

const FeedbackContext = createContext<Feedback | null>(null);

export function FeedbackProvider({ children }: { children: ReactNode }) {
  // Ant Design's message API once its host is mounted, and the messages asked for before that
  const api = useRef<MessageInstance | null>(null);
  const waiting = useRef<((m: MessageInstance) => void)[]>([]);
  const [hostWanted, setHostWanted] = useState(false);
  // after the first page: its code is fetched while the officer reads it, not before
  useEffect(() => afterPageShown(() => setHostWanted(true)), []);
  const show = useCallback((call: (m: MessageInstance) => void) => {
    if (api.current) call(api.current);
    else {
      waiting.current.push(call);
      setHostWanted(true);
    }
  }, []);
  const onReady = useCallback((m: MessageInstance) => {
    api.current = m;
    for (const call of waiting.current.splice(0)) call(m);
  }, []);
  const message = useMemo<Messages>(
    () => ({
      success: (c) => show((m) => void m.success(c)),
      error: (c) => show((m) => void m.error(c)),
      info: (c) => show((m) => void m.info(c)),
      warning: (c) => show((m) => void m.warning(c)),
    }),
    [show],
  );
  // asked confirmations, shown one after another
  const [asked, setAsked] = useState<{ id: number; props: ModalFuncProps }[]>([]);
  const confirm = useCallback((props: ModalFuncProps) => setAsked((q) => [...q, { id: Date.now() + Math.random(), props }]), []);
  const value = useMemo(() => ({ message, modal: { confirm } }), [message, confirm]);
  const current = asked[0];
  return (
    <FeedbackContext.Provider value={value}>
      {hostWanted && (
        <Suspense fallback={null}>
          <MessageHost onReady={onReady} />
        </Suspense>
      )}
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
