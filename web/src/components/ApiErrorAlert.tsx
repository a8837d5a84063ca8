import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api';

interface Props {
  error: unknown;
  onRetry?: () => void;
}

/** Shows an API error with the server's own (Vietnamese) message. */
export function errorMessage(error: unknown, fallback: string): string {
  if (error instanceof ApiError) return error.message;
  if (error instanceof Error && error.message) return error.message;
  return fallback;
}

export default function ApiErrorAlert({ error, onRetry }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      data-testid="api-error"
      message={errorMessage(error, t('error.title'))}
      action={
        // the server wants two-step verification on this account before anything else
        error instanceof ApiError && error.code === 'totp_setup_required' ? (
          <Link to="/account/totp">
            <Button size="small" type="primary">
              {t('totp.start')}
            </Button>
          </Link>
        ) : onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('error.retry')}
          </Button>
        ) : undefined
      }
    />
  );
}
