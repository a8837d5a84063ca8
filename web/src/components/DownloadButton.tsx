/**
 * A download (an export) saved under a Vietnamese name with the unit and the day
 * (`so-tuan-tra_xa-son-tinh_2026-12-04.xlsx`): the file is fetched through the API client (the
 * session, the re-login) and saved with that name, whatever name the server suggests. The address
 * stays on the button (a right click, a test, a browser without scripts still get the file).
 */
import { Button, type ButtonProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchBlob } from '../api/client';
import { errorMessage } from './ApiErrorAlert';
import { useFeedback } from './feedback';

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export default function DownloadButton({
  href,
  fileName,
  ...rest
}: Omit<ButtonProps, 'href' | 'onClick' | 'download'> & { href: string; fileName: string }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      {...rest}
      href={href}
      download={fileName}
      loading={busy}
      onClick={(e) => {
        e.preventDefault();
        setBusy(true);
        fetchBlob(href)
          .then((blob) => saveBlob(blob, fileName))
          .catch((err: unknown) => void message.error(errorMessage(err, t('error.title'))))
          .finally(() => setBusy(false));
      }}
    />
  );
}
