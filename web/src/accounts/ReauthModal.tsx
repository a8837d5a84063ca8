/**
 * The re-login dialog's place in the page frame: it answers `askReauth()` (reauth.ts) while
 * mounted, and loads the dialog itself (ReauthDialog: a form, a password input, a modal) the first
 * time the session ends with the page open, not with every page's first load.
 */
import { Suspense, lazy, useEffect, useState } from 'react';
import { registerReauthHost, useReauthNeeded } from './reauth';

const ReauthDialog = lazy(() => import('./ReauthDialog'));

export default function ReauthModal() {
  const open = useReauthNeeded();
  // once shown, the dialog stays mounted (it closes itself)
  const [wanted, setWanted] = useState(false);
  useEffect(() => registerReauthHost(), []);
  useEffect(() => {
    if (open) setWanted(true);
  }, [open]);
  if (!wanted) return null;
  return (
    <Suspense fallback={null}>
      <ReauthDialog />
    </Suspense>
  );
}
