/** What the tip form needs from the server before the visitor can send: the categories, and the unit the QR poster's link names. */
import { useEffect, useState } from 'react';
import { getCategories, getUnit, type Unit, type UnitDetail } from '../api';
import type { Categories } from './WhatSection';
import type { PresetState, UnitChoice } from './WhereSection';

export function useFormSetup(presetCode: string | null): { units: UnitChoice; unit: Unit | null; categories: Categories } {
  const [preset, setPreset] = useState<UnitDetail | null>(null);
  const [presetState, setPresetState] = useState<PresetState>(presetCode ? 'loading' : 'none');
  const [chosen, setChosen] = useState<Unit | null>(null);
  const [categories, setCategories] = useState<Categories>({ items: null, error: null });

  useEffect(() => {
    const ac = new AbortController();
    getCategories(ac.signal)
      .then((r) => setCategories({ items: r.items, error: null }))
      .catch((e: unknown) => {
        if (!ac.signal.aborted) setCategories((c) => ({ ...c, error: e }));
      });
    if (presetCode) {
      getUnit(presetCode, ac.signal)
        .then(async (u) => {
          // a unit merged away by the reform: the tip goes to its successor
          if (u.active === false && u.successor) u = await getUnit(u.successor.code, ac.signal);
          setPreset(u);
          setPresetState('ok');
        })
        .catch(() => {
          if (!ac.signal.aborted) setPresetState('missing');
        });
    }
    return () => ac.abort();
  }, [presetCode]);

  const units: UnitChoice = { presetCode, preset, presetState, change: () => setPresetState('none'), choose: setChosen };
  return { units, unit: presetState === 'ok' ? preset : chosen, categories };
}
