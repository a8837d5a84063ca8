/**
 * `/nhap-du-lieu/<slug>`: "Nhập dữ liệu từ Excel" for one import target (issue 14: a register, a
 * person's sessions, a model's replications, a group's members, the old tip book) — the template,
 * the upload and its dry run (counts, the column mapping, the refused rows), the run's progress and
 * result with the failed rows and the undo, and the past imports. The batch shown is in the address
 * (`?import=12`), so a reload keeps showing its progress.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Steps } from 'antd';
import { useCallback, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import RequireAuth from '../accounts/RequireAuth';
import PageHead from '../components/PageHead';
import { useNarrow } from '../components/useBreakpoint';
import { useLabel } from '../registers/bits';
import NotFound from '../shell/NotFound';
import BatchView from './BatchView';
import CheckResult from './CheckResult';
import './i18n';
import './imports.css';
import { IMPORT_PARAM, parseImportParam } from './logic';
import PastImports from './PastImports';
import { importTargetBySlug, type ImportTarget } from './targets';
import TemplateStep from './TemplateStep';
import UploadStep from './UploadStep';
import { useImportFlow, type ImportFlow } from './useImportFlow';

export default function ImportPage() {
  const { slug } = useParams();
  const target = importTargetBySlug(slug);
  if (!target) return <NotFound />;
  return (
    // who may write the register (or the tips) may import into it (the server checks the same permission)
    <RequireAuth permission={target.writePermission}>
      <ImportFlowPage key={target.slug} target={target} />
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

function ImportFlowPage({ target }: { target: ImportTarget }) {
  const { t } = useTranslation();
  const label = useLabel();
  const [batchId, setBatchId] = useBatchParam();
  const flow = useImportFlow(target, setBatchId);
  const title = label(target.title);

  useEffect(() => {
    document.title = t('app.documentTitle', { page: `${t('imports.title')}: ${title}` });
  }, [t, title]);

  const another = () => {
    flow.reset();
    setBatchId(null);
  };

  return (
    <div className="antq-admin antq-import-page" data-testid="import-page">
      <PageHead title={t('imports.title')} intro={t(target.register ? 'imports.intro' : 'imports.introAdd', { register: title })}>
        <Link to={target.back.path} data-testid="import-back">
          <Button icon={<ArrowLeftOutlined />}>{t('imports.backToList', { list: label(target.back.label) })}</Button>
        </Link>
      </PageHead>
      {target.note && <Alert className="antq-import-note" type="info" showIcon message={label(target.note)} data-testid="import-note" />}
      <FlowSteps flow={flow} batchId={batchId} />
      {batchId ? (
        <BatchView key={batchId} target={target} id={batchId} onAnother={another} />
      ) : (
        <>
          <TemplateStep target={target} />
          <UploadStep flow={flow} />
          <CheckResult target={target} flow={flow} />
        </>
      )}
      <PastImports target={target} selected={batchId} onOpen={setBatchId} />
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
