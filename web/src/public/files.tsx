/** Choosing photos and videos for a tip (before sending, and later on the tracking page). */
import { useEffect, useMemo, useRef } from 'react';
import { ATTACHMENT_ACCEPT, ATTACHMENT_MAX_BYTES, ATTACHMENTS_MAX, attachmentProblem, formatBytes } from '../lib/tips';
import { ClipIcon, VideoIcon } from './icons';
import { useI18n, type T } from './i18n';

/** Adds the usable files of a selection to the chosen ones; `problem` says what was left out. */
export function pickFiles(current: File[], list: FileList | null, t: T, max = ATTACHMENTS_MAX): { files: File[]; problem?: string } {
  if (!list) return { files: current };
  const next = [...current];
  const problems: string[] = [];
  for (const f of Array.from(list)) {
    const p = attachmentProblem(f);
    if (p) {
      problems.push(
        t(p === 'tooLarge' ? 'files.tooLarge' : p === 'empty' ? 'files.empty' : 'files.badType', {
          name: f.name,
          size: formatBytes(ATTACHMENT_MAX_BYTES),
        }),
      );
      continue;
    }
    if (next.length >= max) {
      problems.push(t('files.tooMany', { max: ATTACHMENTS_MAX }));
      break;
    }
    next.push(f);
  }
  return { files: next, problem: problems.length ? problems.join(' ') : undefined };
}

export function KeepLocation({ checked, onChange }: { checked: boolean; onChange: (v: boolean) => void }) {
  const { t } = useI18n();
  return (
    <div className="p-check">
      <label htmlFor="keep-location">
        <input id="keep-location" type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />{' '}
        {t('files.keepLocation')}
      </label>
      <div className="p-hint">{t('files.keepLocationHint')}</div>
    </div>
  );
}

/** The chosen photos and videos, with a thumbnail for photos. */
export function FilePicker({
  files,
  onAdd,
  onRemove,
  max = ATTACHMENTS_MAX,
  hint,
}: {
  files: File[];
  onAdd: (l: FileList | null) => void;
  onRemove: (i: number) => void;
  max?: number;
  hint?: string;
}) {
  const { t } = useI18n();
  const inputRef = useRef<HTMLInputElement>(null);
  const previews = useMemo(() => files.map((f) => (f.type.startsWith('image/') ? URL.createObjectURL(f) : null)), [files]);
  useEffect(() => () => previews.forEach((p) => p && URL.revokeObjectURL(p)), [previews]);
  return (
    <div className="p-files">
      <p className="p-hint">{hint ?? t('files.hint', { max: ATTACHMENTS_MAX, size: formatBytes(ATTACHMENT_MAX_BYTES) })}</p>
      {files.length > 0 && (
        <ul className="p-file-list" data-testid="file-list">
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`} className="p-file">
              {previews[i] ? <img src={previews[i]!} alt="" className="p-file__thumb" /> : <span className="p-file__thumb p-file__thumb--video">
                  <VideoIcon />
                </span>}
              <span className="p-file__name">{f.name}</span>
              <span className="p-file__size">{formatBytes(f.size)}</span>
              <button type="button" className="p-link-btn" onClick={() => onRemove(i)} aria-label={`${t('common.remove')} ${f.name}`}>
                {t('common.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {files.length < max && (
        <>
          <input
            ref={inputRef}
            id="tip-files"
            type="file"
            className="p-sr-only"
            // the button below opens it: the hidden field is no second (invisible) stop for the Tab key
            tabIndex={-1}
            aria-label={t('files.choose')}
            accept={ATTACHMENT_ACCEPT}
            multiple
            data-testid="file-input"
            onChange={(e) => {
              onAdd(e.target.files);
              e.target.value = '';
            }}
          />
          <button type="button" className="p-btn" onClick={() => inputRef.current?.click()}>
            <ClipIcon /> {t('files.choose')}
          </button>
        </>
      )}
    </div>
  );
}

