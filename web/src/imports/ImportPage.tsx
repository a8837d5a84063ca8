/**
 * `/nhap-du-lieu/<register>`: "Nhập dữ liệu từ Excel" for one register (issue 14) — the template,
 * the upload and its dry run (counts, the column mapping, the refused rows), the run's progress and
 * result with the failed rows and the undo, and the past imports. The batch shown is in the address
 * (`?import=12`), so a reload keeps showing its progress.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Steps } from 'antd';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import RequireAuth from '../accounts/RequireAuth';
import PageHead from '../components/PageHead';
import { useNarrow } from '../components/useBreakpoint';
import { useLabel } from '../registers/bits';
import { registerPath, type RegisterConfig } from '../registers/config';
import NotFound from '../shell/NotFound';
import BatchView from './BatchView';
import CheckResult from './CheckResult';
import './i18n';
import './imports.css';
import { IMPORT_PARAM, parseImportParam, registerOfImport } from './logic';
import PastImports from './PastImports';
import TemplateStep from './TemplateStep';
import UploadStep from './UploadStep';
import { useImportFlow, type ImportFlow } from './useImportFlow';

export default function ImportPage() {
  const { register } = useParams();
  const cfg = registerOfImport(register);
  if (!cfg) return <NotFound />;
  return (
    // who may write the register may import into it (the server checks the same permission)
    <RequireAuth permission={cfg.writePermission}>
      <ImportFlowPage key={cfg.name} cfg={cfg} />
    </RequireAuth>
  );
}

function useBatchParam(): [string | null, (id: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const id = parseImportParam(params.get(IMPORT_PARAM));
  const set = useCallback(
    (next: string | null) =>
      setParams((prev) => {
        const p = new URLSearchParams(prev);
        if (next) p.set(IMPORT_PARAM, next);
        else p.delete(IMPORT_PARAM);
        return p;
      }),
    [setParams],
  );
  return [id, set];
}

function ImportFlowPage({ cfg }: { cfg: RegisterConfig }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [batchId, setBatchId] = useBatchParam();
  const flow = useImportFlow(cfg, setBatchId);
  const title = label(cfg.title);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: `${t('imports.title')}: ${title}` });
  }, [t, title]);

  const another = () => {
    flow.reset();
    setBatchId(null);
  };

  return (
    <div className="antq-admin antq-import-page" data-testid="import-page">
      <PageHead title={t('imports.title')} intro={t('imports.intro', { register: title })}>
        <Link to={registerPath(cfg)} data-testid="import-back">
          <Button icon={<ArrowLeftOutlined />}>{t('imports.backToList', { register: title })}</Button>
        </Link>
      </PageHead>
      <FlowSteps flow={flow} batchId={batchId} />
      {batchId ? (
        <BatchView key={batchId} cfg={cfg} id={batchId} onAnother={another} />
      ) : (
        <>
          <TemplateStep cfg={cfg} />
          <UploadStep flow={flow} />
          <CheckResult cfg={cfg} flow={flow} />
        </>
      )}
      <PastImports cfg={cfg} selected={batchId} onOpen={setBatchId} />
    </div>
  );
}

/** Where the person is, on wide screens (a phone reads the numbered sections). */
function FlowSteps({ flow, batchId }: { flow: ImportFlow; batchId: string | null }) {
  const { t } = useTranslation();
  const narrow = useNarrow();
  if (narrow) return null;
  const current = batchId ? 4 : flow.result ? 2 : flow.file ? 1 : 0;
  const keys = ['template', 'upload', 'check', 'run', 'result'] as const;
  return (
    <Steps
      className="antq-import-steps"
      size="small"
      current={current}
      items={keys.map((k) => ({ title: t(`imports.steps.${k}`) }))}
      data-testid="import-steps"
    />
  );
}
