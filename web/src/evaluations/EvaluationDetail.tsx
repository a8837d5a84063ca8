/**
 * `/danh-gia-an-toan/:id`: one evaluation — the checklist (met / not met, evidence, files) with its
 * progress, the computed rules and result, the workflow (save, submit; return with a comment,
 * approve), the history with its comments, and the certificate of an approved, passed evaluation.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import ApiErrorAlert from '../components/ApiErrorAlert';
import RequireAuth from '../accounts/RequireAuth';
import { evaluationKeys, getEvaluation } from './api';
import { EVALUATIONS_PATH, EVALUATIONS_READ } from './paths';
import { unitName } from './tags';
import Checklist from './detail/Checklist';
import './evaluations.css';
// the module's texts, added to i18next when one of its pages loads
import './i18n';

export default function EvaluationDetailPage() {
  return (
    <RequireAuth permission={EVALUATIONS_READ}>
      <EvaluationDetail />
    </RequireAuth>
  );
}

function EvaluationDetail() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const evaluation = useQuery({
    queryKey: evaluationKeys.detail(id),
    queryFn: ({ signal }) => getEvaluation(id, signal),
    staleTime: 0,
  });
  const name = evaluation.data ? unitName(evaluation.data.unit) : '';
  useEffect(() => {
    document.title = t('app.documentTitle', { page: name ? t('evaluations.detail.docTitle', { unit: name }) : t('evaluations.title') });
  }, [t, name]);
  return (
    <div className="antq-admin antq-eval-detail" data-testid="evaluation-detail">
      <Link to={EVALUATIONS_PATH} className="antq-back-link">
        <ArrowLeftOutlined /> {t('evaluations.detail.back')}
      </Link>
      {evaluation.isPending && <Skeleton active />}
      {evaluation.isError && <ApiErrorAlert error={evaluation.error} onRetry={() => void evaluation.refetch()} />}
      {evaluation.data && <Checklist key={String(evaluation.data.id)} ev={evaluation.data} />}
    </div>
  );
}
