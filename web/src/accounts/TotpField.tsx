// The two-factor code field, shared by the login page's second step and the re-login dialog.
import { SafetyOutlined } from '@ant-design/icons';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { isTotpCode } from './passwords';

/** The two-factor code field (a 6-digit code, a space allowed in the middle), in a form whose field is `totp`. */
export function TotpField({ size, extra }: { size?: 'large'; extra?: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="totp"
      label={t('login.totp.code')}
      extra={extra}
      rules={[
        {
          validator: (_, v: string | undefined) =>
            isTotpCode(v ?? '') ? Promise.resolve() : Promise.reject(new Error(t('login.errors.totpFormat'))),
        },
      ]}
    >
      <Input
        prefix={<SafetyOutlined />}
        autoComplete="one-time-code"
        inputMode="numeric"
        maxLength={7}
        autoFocus
        size={size}
        className="antq-totp-input"
      />
    </Form.Item>
  );
}
