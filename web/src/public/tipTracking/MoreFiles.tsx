/** More photos and videos for a tip already sent, up to the limit. */
import { useEffect, useRef, useState } from 'react';
import { ATTACHMENT_MAX_BYTES, ATTACHMENTS_MAX, formatBytes } from '../../lib/tips';
import { uploadAttachment } from '../api';
import { FilePicker, KeepLocation, pickFiles } from '../files';
import { useI18n } from '../i18n';
import { CheckIcon } from '../icons';
import { Spinner, errorText } from '../ui';
import type { Creds } from './creds';

export function MoreFiles({ creds, room, onDone }: { creds: Creds; room: number; onDone: () => void }) {
  const { t } = useI18n();
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [keep, setKeep] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: number; errors: string[] } | null>(null);
  const mounted = useRef(true);
  useEffect(
    () => () => {
      mounted.current = false;
    },
    [],
  );

  const upload = async () => {
    setBusy(true);
    let ok = 0;
    const errors: string[] = [];
    for (const f of files) {
      try {
        await uploadAttachment(creds.code, creds.secret, f, keep);
        ok += 1;
      } catch (e) {
        errors.push(`${f.name}: ${errorText(e, t)}`);
      }
    }
    if (!mounted.current) return;
    setBusy(false);
    setFiles([]);
    setResult({ ok, errors });
    if (ok) onDone();
  };

  return (
    <div className="p-more-files">
      <h3 className="p-subtitle">{t('track.attachments.add')}</h3>
      <FilePicker
        files={files}
        max={room}
        hint={t('track.attachments.hint', { max: ATTACHMENTS_MAX, size: formatBytes(ATTACHMENT_MAX_BYTES) })}
        onAdd={(l) => {
          const picked = pickFiles(files, l, t, room);
          setFiles(picked.files);
          setProblem(picked.problem ?? null);
        }}
        onRemove={(i) => setFiles(files.filter((_, j) => j !== i))}
      />
      {problem && <p className="p-error-text">{problem}</p>}
      {files.length > 0 && (
        <>
          <KeepLocation checked={keep} onChange={setKeep} />
          <button type="button" className="p-btn p-btn--primary" onClick={() => void upload()} disabled={busy}>
            {busy && <Spinner />} {t('track.attachments.upload')}
          </button>
        </>
      )}
      {result && result.ok > 0 && <p className="p-ok-text">
          <CheckIcon /> {t('track.attachments.uploaded', { n: result.ok })}
        </p>}
      {result?.errors.map((e, i) => (
        <p key={i} className="p-error-text">
          {e}
        </p>
      ))}
    </div>
  );
}
