/** Copying the tracking code and the secret (the page that shows them once). */
import { useEffect, useRef, useState } from 'react';
import { useI18n } from './i18n';

/** Copies a text, also where the asynchronous clipboard is unavailable (plain HTTP). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall back below
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok: boolean;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

export function CopyButton({ text, label, testId }: { text: string; label?: string; testId?: string }) {
  const { t } = useI18n();
  const [state, setState] = useState<'idle' | 'ok' | 'failed'>('idle');
  const timer = useRef<number>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  return (
    <button
      type="button"
      className="p-btn p-btn--small"
      data-testid={testId}
      onClick={() => {
        void copyText(text).then((ok) => {
          setState(ok ? 'ok' : 'failed');
          window.clearTimeout(timer.current);
          timer.current = window.setTimeout(() => setState('idle'), 2500);
        });
      }}
    >
      {state === 'ok' ? `✓ ${t('common.copied')}` : (label ?? t('common.copy'))}
      <span className="p-sr-only" aria-live="polite">
        {state === 'ok' ? t('common.copied') : state === 'failed' ? t('common.copyFailed') : ''}
      </span>
    </button>
  );
}

