import { PrinterOutlined } from '@ant-design/icons';
import { Button, Form, InputNumber, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import UnitField from '../components/form/UnitField';
import { mediationBookUrl } from './api';
import { yearVN } from './payload';

const { Paragraph } = Typography;

/** "In sổ hòa giải": the printable book of a village (or commune) for a year, in a new tab. */
export default function MediationBook({ open, onClose, defaultUnit }: { open: boolean; onClose: () => void; defaultUnit: string | null }) {
  const { t } = useTranslation();
  const [unit, setUnit] = useState<string | null>(defaultUnit);
  const [year, setYear] = useState<number | null>(yearVN());
  useEffect(() => {
    if (open) setUnit(defaultUnit);
  }, [open, defaultUnit]);
  const url = unit && year ? mediationBookUrl(unit, year) : undefined;
  return (
    <Modal
      open={open}
      title={t('registers.book.title')}
      onCancel={onClose}
      destroyOnHidden
      data-testid="book-modal"
      footer={
        <div className="antq-form-actions">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            href={url}
            target="_blank"
            rel="noopener"
            disabled={!url}
            onClick={onClose}
            data-testid="book-open"
          >
            {t('registers.book.open')}
          </Button>
        </div>
      }
    >
      <Paragraph type="secondary">{t('registers.book.hint')}</Paragraph>
      <Form layout="vertical" name="book">
        <Form.Item label={t('registers.book.unit')} required>
          <UnitField value={unit} onChange={setUnit} />
        </Form.Item>
        <Form.Item label={t('registers.book.year')} required>
          <InputNumber value={year} onChange={(v) => setYear(v)} min={2000} max={yearVN()} precision={0} style={{ width: 140 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
