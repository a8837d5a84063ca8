/**
 * The exact search of people under community education by full name or personal ID number.
 * The terms are personal data: they go in the body of a POST (…/people/search), never in the
 * page's address, the list's query or an access log; the answer replaces the list (pseudonymous
 * references only) until it is cleared.
 */
import { CloseOutlined, LockOutlined, SearchOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../components/ApiErrorAlert';
import type { Page } from '../api/types';
import { searchPeople, type RegisterRecord } from './api';
import type { RegisterConfig } from './config';
import { identitySearchBody } from './payload';
import { useNarrow } from '../components/useBreakpoint';

interface Props {
  cfg: RegisterConfig;
  unit: string | null;
  active: boolean;
  onFound: (page: Page<RegisterRecord> | null) => void;
  /** Opens a found person (a single match opens at once). */
  onOpen: (r: RegisterRecord) => void;
}

export default function IdentitySearch({ unit, active, onFound, onOpen }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ name?: string; id_number?: string }>();
  const [empty, setEmpty] = useState(false);
  // on a phone the panel opens on demand: the list comes first
  const narrow = useNarrow();
  const [expanded, setExpanded] = useState(false);
  const search = useMutation({
    mutationFn: searchPeople,
    onSuccess: (page) => {
      onFound(page);
      if (page.items.length === 1) onOpen(page.items[0]!);
    },
  });
  const submit = (v: { name?: string; id_number?: string }) => {
    const body = identitySearchBody(v, unit);
    if (!body) {
      setEmpty(true);
      return;
    }
    setEmpty(false);
    search.mutate(body);
  };
  const clear = () => {
    form.resetFields();
    search.reset();
    setEmpty(false);
    onFound(null);
  };
  if (narrow && !expanded && !active) {
    return (
      <div className="antq-reg-identity-toggle">
        <Button icon={<LockOutlined />} onClick={() => setExpanded(true)} block data-testid="identity-open">
          {t('registers.identity.open')}
        </Button>
      </div>
    );
  }
  return (
    <section className="antq-reg-identity" aria-labelledby="identity-search-title" data-testid="identity-search">
      <Typography.Text strong id="identity-search-title">
        <LockOutlined /> {t('registers.identity.title')}
      </Typography.Text>
      <Typography.Paragraph type="secondary" className="antq-reg-identity__hint">
        {t('registers.identity.hint')}
      </Typography.Paragraph>
      {/* autocomplete off: a browser must not remember the names typed here */}
      <Form form={form} layout="vertical" onFinish={submit} className="antq-reg-identity__form" autoComplete="off">
        <Form.Item name="name" label={t('registers.identity.name')} className="antq-reg-identity__field">
          <Input maxLength={200} autoComplete="off" data-testid="identity-name" />
        </Form.Item>
        <Form.Item name="id_number" label={t('registers.identity.idNumber')} className="antq-reg-identity__field">
          <Input maxLength={20} inputMode="numeric" autoComplete="off" data-testid="identity-id" />
        </Form.Item>
        <div className="antq-reg-identity__actions">
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} loading={search.isPending} data-testid="identity-submit">
            {t('registers.identity.submit')}
          </Button>
          {(active || search.isError) && (
            <Button icon={<CloseOutlined />} onClick={clear} data-testid="identity-clear">
              {t('registers.identity.clear')}
            </Button>
          )}
        </div>
      </Form>
      {empty && <Typography.Text type="danger">{t('registers.identity.empty')}</Typography.Text>}
      {search.isError && <ApiErrorAlert error={search.error} />}
    </section>
  );
}
