import { Divider, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const { Paragraph } = Typography;

/** The reporter's details in the intake form (all optional; the server seals them). */
export default function ReporterFields() {
  const { t } = useTranslation();
  return (
    <>
      <Divider />
      <Typography.Title level={5}>{t('tips.intake.reporterTitle')}</Typography.Title>
      <Paragraph type="secondary">{t('tips.intake.reporterHint')}</Paragraph>
      <Form.Item name="name" label={t('tips.intake.name')}>
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item name="phone" label={t('tips.intake.phone')}>
        <Input maxLength={50} autoComplete="off" inputMode="tel" />
      </Form.Item>
      <Form.Item name="email" label={t('tips.intake.email')}>
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item name="address" label={t('tips.intake.address')}>
        <Input maxLength={300} autoComplete="off" />
      </Form.Item>
    </>
  );
}
