/**
 * `/danh-gia-an-toan`: the yearly "An toàn về an ninh, trật tự" evaluations — the list (filters in
 * the address), the units not yet recognised this year, the registrations to strive for the
 * standard, and the dialog that starts a new evaluation.
 */
import { PlusOutlined } from '@ant-design/icons';
import { Button, Space, Tabs, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import RequireAuth from '../accounts/RequireAuth';
import { hasPermission, useAuth } from '../accounts/auth';
import { EVALUATIONS_READ, EVALUATIONS_WRITE, EVALUATION_CRITERIA_PATH } from './paths';
import CreateDialog from './CreateDialog';
import EvaluationList from './EvaluationList';
import PendingList from './PendingList';
import Registrations from './Registrations';
import { useNarrow } from '../components/useBreakpoint';
import './evaluations.css';
// the module's texts, added to i18next when one of its pages loads
import './i18n';

const { Title, Paragraph } = Typography;
const TABS = ['list', 'pending', 'registrations'] as const;
type Tab = (typeof TABS)[number];

export default function EvaluationsPage() {
  return (
    <RequireAuth permission={EVALUATIONS_READ}>
      <Evaluations />
    </RequireAuth>
  );
}

function Evaluations() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '') ? (params.get('tab') as Tab) : 'list';
  const [creating, setCreating] = useState<{ unit?: string; year?: number } | null>(null);
  const canWrite = hasPermission(user, EVALUATIONS_WRITE);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: t('evaluations.title') });
  }, [t]);

  const narrow = useNarrow();
  const setTab = (next: string) =>
    setParams((prev) => {
      const p = new URLSearchParams();
      const unit = prev.get('unit');
      if (unit) p.set('unit', unit);
      if (next !== 'list') p.set('tab', next);
      return p;
    });

  return (
    <div className="antq-admin antq-eval-page" data-testid="evaluations-page">
      <div className="antq-admin__head">
        <div>
          <Title level={1} className="antq-page-title">
            {t('evaluations.title')}
          </Title>
          <Paragraph type="secondary">{t('evaluations.intro')}</Paragraph>
        </div>
        <Space wrap>
          <Link to={EVALUATION_CRITERIA_PATH}>{t('evaluations.nav.criteria')}</Link>
          {canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating({})} data-testid="evaluation-add">
              {t('evaluations.create.button')}
            </Button>
          )}
        </Space>
      </div>
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'list', label: t(narrow ? 'evaluations.tabs.listShort' : 'evaluations.tabs.list'), children: <EvaluationList /> },
          {
            key: 'pending',
            label: t(narrow ? 'evaluations.tabs.pendingShort' : 'evaluations.tabs.pending'),
            children: <PendingList onCreate={(unit, year) => setCreating({ unit, year })} />,
          },
          {
            key: 'registrations',
            label: t(narrow ? 'evaluations.tabs.registrationsShort' : 'evaluations.tabs.registrations'),
            children: <Registrations />,
          },
        ]}
      />
      <CreateDialog open={creating !== null} initial={creating ?? {}} onClose={() => setCreating(null)} />
    </div>
  );
}

// --- the list ------------------------------------------------------------------------------------
