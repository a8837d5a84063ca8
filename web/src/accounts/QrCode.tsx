import { Skeleton } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

interface Props {
  /** The text to encode (an otpauth:// URI). */
  value: string;
  /** Accessible description of the image. */
  alt: string;
  size?: number;
}

/** A QR code drawn in the browser (no request leaves the page: the secret stays here). */
export default function QrCode({ value, alt, size = 200 }: Props) {
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    setUrl(null);
    setFailed(false);
    QRCode.toDataURL(value, { errorCorrectionLevel: 'M', margin: 2, width: size * 2 })
      .then((u) => live && setUrl(u))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [value, size]);

  if (failed) return null;
  if (!url) return <Skeleton.Image active style={{ width: size, height: size }} />;
  return <img src={url} alt={alt} width={size} height={size} className="antq-qr" data-testid="totp-qr" />;
}
