/**
 * Photos (and short videos) of a record — an activity, a patrol, a mediation — taken on the phone:
 * `PhotoInput` holds the files chosen in a new record's form (sent once the record is saved),
 * `RecordPhotos` shows a saved record's photos and adds more. Uploads go through the API client
 * (the session, its CSRF token, the re-login when the session has expired).
 */
import { CameraOutlined, DeleteOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Typography } from 'antd';
import { useEffect, useId, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../components/ApiErrorAlert';
import { formatDateTime, formatNumber } from '../lib/format';
import { attachmentUrl, listAttachments, registerKeys, uploadAttachment, type Id, type RegisterAttachment } from './api';
import type { RegisterConfig } from './config';
import { useFeedback } from '../components/feedback';

/** What the server takes (checked again by content): JPEG, PNG, WebP, MP4/MOV/3GP, WebM. */
export const MEDIA_ACCEPT = 'image/jpeg,image/png,image/webp,video/mp4,video/quicktime,video/3gpp,video/webm';
export const MAX_FILES = 10;
export const MAX_BYTES = 25 * 1024 * 1024;

/** Sends the files one after the other; answers how many were refused (with the first error). */
export async function uploadAll(cfg: RegisterConfig, id: Id, files: readonly File[]): Promise<{ failed: number; error: unknown }> {
  let failed = 0;
  let error: unknown = null;
  for (const f of files) {
    try {
      await uploadAttachment(cfg.name, id, f);
    } catch (e) {
      failed += 1;
      error ??= e;
    }
  }
  return { failed, error };
}

/** The "take or choose photos" button with the chosen files as thumbnails; the value is a list of files. */
export function PhotoInput(props: { id?: string; value?: File[]; onChange?: (v: File[]) => void; disabled?: boolean; max?: number }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const { value = [], onChange, disabled, max = MAX_FILES } = props;
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const urls = useMemo(() => value.map((f) => (f.type.startsWith('image/') ? URL.createObjectURL(f) : null)), [value]);
  useEffect(() => () => urls.forEach((u) => u && URL.revokeObjectURL(u)), [urls]);

  const add = (list: FileList | null) => {
    const chosen = Array.from(list ?? []);
    const tooBig = chosen.filter((f) => f.size > MAX_BYTES);
    if (tooBig.length) void message.warning(t('registers.photos.tooBig', { name: tooBig[0]!.name, mb: 25 }));
    const next = [...value, ...chosen.filter((f) => f.size <= MAX_BYTES)];
    if (next.length > max) void message.warning(t('registers.photos.tooMany', { n: max }));
    onChange?.(next.slice(0, max));
    if (input.current) input.current.value = '';
  };

  return (
    <div className="antq-photos" id={props.id} data-testid="photo-field">
      {value.length > 0 && (
        <ul className="antq-photos__grid">
          {value.map((f, i) => (
            <li key={`${f.name}-${i}`} className="antq-photos__item" data-testid="photo-chosen">
              {urls[i] ? (
                <img src={urls[i]!} alt={t('registers.photos.chosenAlt', { n: i + 1, name: f.name })} className="antq-photos__img" />
              ) : (
                <span className="antq-photos__video">
                  <PlayCircleOutlined aria-hidden /> {f.name}
                </span>
              )}
              <Button
                size="small"
                className="antq-photos__remove"
                icon={<DeleteOutlined aria-hidden />}
                aria-label={t('registers.photos.remove', { n: i + 1 })}
                title={t('registers.photos.remove', { n: i + 1 })}
                disabled={disabled}
                onClick={() => onChange?.(value.filter((_, j) => j !== i))}
              />
            </li>
          ))}
        </ul>
      )}
      <label htmlFor={inputId} className={disabled || value.length >= max ? 'antq-photos__add antq-photos__add--off' : 'antq-photos__add'}>
        <CameraOutlined aria-hidden /> {value.length ? t('registers.photos.addMore') : t('registers.photos.add')}
      </label>
      <input
        ref={input}
        id={inputId}
        type="file"
        accept={MEDIA_ACCEPT}
        multiple
        className="antq-sr-only"
        disabled={disabled || value.length >= max}
        onChange={(e) => add(e.target.files)}
        data-testid="photo-input"
      />
      <Typography.Text type="secondary" className="antq-photos__hint">
        {t('registers.photos.hint', { n: max, mb: 25 })}
      </Typography.Text>
    </div>
  );
}

/** A saved record's photos: thumbnails (a tap opens the file) and, for those who may write, more. */
export function RecordPhotos({ cfg, recordId, canWrite }: { cfg: RegisterConfig; recordId: Id; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const key = registerKeys.attachments(cfg.name, recordId);
  const list = useQuery({ queryKey: key, queryFn: ({ signal }) => listAttachments(cfg.name, recordId, signal) });
  const items = list.data?.items ?? [];
  const upload = useMutation({
    mutationFn: (files: File[]) => uploadAll(cfg, recordId, files),
    onSuccess: async ({ failed, error }, files) => {
      await queryClient.invalidateQueries({ queryKey: key });
      if (failed)
        void message.error(
          t('registers.photos.someFailed', { n: failed, total: files.length, error: error instanceof Error ? error.message : '' }),
        );
      else void message.success(t('registers.photos.uploaded', { n: files.length }));
    },
  });

  return (
    <section className="antq-reg-extra" data-testid="record-photos" aria-labelledby="record-photos-title">
      <Typography.Title level={4} id="record-photos-title" className="antq-reg-extra__title">
        {t('registers.photos.title')} {items.length > 0 && <span className="antq-photos__count">({formatNumber(items.length)})</span>}
      </Typography.Title>
      {list.isError && <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {items.length === 0 && !list.isPending && !list.isError && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registers.photos.none')} />
      )}
      {items.length > 0 && (
        <ul className="antq-photos__grid">
          {items.map((a, i) => (
            <SavedPhoto key={String(a.id)} href={attachmentUrl(cfg.name, recordId, a.id)} item={a} n={i + 1} />
          ))}
        </ul>
      )}
      {canWrite && items.length < MAX_FILES && (
        <PhotoInput
          value={[]}
          onChange={(files) => files.length && upload.mutate(files)}
          disabled={upload.isPending}
          max={MAX_FILES - items.length}
        />
      )}
    </section>
  );
}

function SavedPhoto({ href, item, n }: { href: string; item: RegisterAttachment; n: number }) {
  const { t } = useTranslation();
  const what = t('registers.photos.savedAlt', { n, at: formatDateTime(item.at), user: item.uploaded_by });
  return (
    <li className="antq-photos__item" data-testid="photo-saved">
      <a href={href} target="_blank" rel="noopener noreferrer" title={what}>
        {item.kind === 'image' || item.media_type.startsWith('image/') ? (
          <img src={href} alt={what} className="antq-photos__img" loading="lazy" />
        ) : (
          <span className="antq-photos__video">
            <PlayCircleOutlined aria-hidden /> {t('registers.photos.video', { n })}
          </span>
        )}
      </a>
    </li>
  );
}
