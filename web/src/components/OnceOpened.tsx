import { Suspense, useState, type ReactNode } from 'react';

/**
 * Renders its children from the first time `open` is true on, and keeps them: a dialog or drawer
 * given as a `lazy()` component then loads its code when first opened, not with the page, and
 * keeps its state (and its closing animation) afterwards.
 */
export default function OnceOpened({ open, children }: { open: boolean; children: ReactNode }) {
  const [opened, setOpened] = useState(open);
  // set during render (React's pattern for state derived from props): no empty first frame
  if (open && !opened) setOpened(true);
  return opened ? <Suspense fallback={null}>{children}</Suspense> : null;
}
