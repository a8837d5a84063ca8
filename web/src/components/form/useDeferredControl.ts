import { useState } from 'react';
import { useAfterPageShown } from '../../shell/useAfterPageShown';

/**
 * For a control whose code loads after the first page has been shown (DeferredUnitField,
 * DeferredRangePicker): until then a box that looks like it stands in. `wanted`: load the real
 * control now (the page has been shown, or the pointer came near). `reached`: the user reached for
 * the box (a click, a tap, the keyboard's focus), so the real control opens focused.
 */
export function useDeferredControl() {
  const shown = useAfterPageShown();
  const [asked, setAsked] = useState(false);
  const [reached, setReached] = useState(false);
  return {
    wanted: shown || asked,
    reached,
    /** The user reached for the box: load and open. */
    reach: () => {
      setReached(true);
      setAsked(true);
    },
    /** The pointer is near: start loading. */
    ask: () => setAsked(true),
  };
}
