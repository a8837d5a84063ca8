/**
 * `/danh-gia-an-toan/:id`: one evaluation — the checklist (met / not met, evidence, files) with its
 * progress, the computed rules and result, the workflow (save, submit; return with a comment,
 * approve), the history with its comments, and the certificate of an approved, passed evaluation.
 */
import {
  ArrowLeftOutlined,
  CheckCircleFilled,
  CloseCircleFilled,
  DeleteOutlined,
  MinusCircleOutlined,
  PaperClipOutlined,
  PrinterOutlined,
  SendOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, type ButtonProps, Card, Descriptions, Form, Input, Modal, Popconfirm, Progress, Radio, Skeleton, Space, Tag, Timeline, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import ApiErrorAlert from '../components/ApiErrorAlert';
import RequireAuth from '../accounts/RequireAuth';
import { useAuth } from '../accounts/auth';
import { formatDate, formatDateTime } from '../lib/format';
import DateInput from '../components/form/DateInput';
import { dayOf } from '../registers/payload';
import {
  approveEvaluation,
  attachmentUrl,
  certificateUrl,
  deleteEvaluation,
  evaluationKeys,
  getEvaluation,
  returnEvaluation,
  submitEvaluation,
  updateEvaluation,
  uploadAttachment,
  type CriterionAnswer,
  type Evaluation,
} from './api';
import { actionsFor, answersOf, evaluationPatch, expectedResult, progressOf, unanswered, type Answers } from './logic';
import { EVALUATIONS_PATH, EVALUATIONS_READ } from './paths';
import { ResultTag, StatusTag, unitName } from './tags';
import './evaluations.css';

const { Title, Paragraph, Text } = Typography;

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

function Checklist({ ev }: { ev: Evaluation }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const actions = actionsFor(ev, user);
  const [answers, setAnswers] = useState<Answers>(() => answersOf(ev.criteria));
  const [evaluatedOn, setEvaluatedOn] = useState<Dayjs | null>(dayOf(ev.evaluated_on));
  const [notes, setNotes] = useState(ev.notes ?? '');
  const [missing, setMissing] = useState<string[]>([]);
  const [deciding, setDeciding] = useState<'return' | 'approve' | null>(null);

  // a new answer from the server (after a save, a decision) replaces the local state
  useEffect(() => {
    setAnswers(answersOf(ev.criteria));
    setEvaluatedOn(dayOf(ev.evaluated_on));
    setNotes(ev.notes ?? '');
  }, [ev]);

  const progress = progressOf(ev.criteria, answers);
  const expected = expectedResult(ev.criteria, answers, ev.rules);
  const patch = evaluationPatch(ev, answers, evaluatedOn ? evaluatedOn.format('YYYY-MM-DD') : null, notes);
  const dirty = patch !== null;
  const key = evaluationKeys.detail(ev.id);
  const store = async (saved: Evaluation) => {
    queryClient.setQueryData(key, saved);
    await queryClient.invalidateQueries({ queryKey: ['staff', 'evaluations', 'list'] });
    await queryClient.invalidateQueries({ queryKey: ['staff', 'evaluations', 'pending'] });
  };

  const save = useMutation({
    mutationFn: async () => (patch ? updateEvaluation(ev.id, patch) : ev),
    onSuccess: async (saved) => {
      await store(saved);
      void message.success(t('evaluations.detail.saved'));
    },
  });
  const submit = useMutation({
    mutationFn: async () => {
      if (patch) await updateEvaluation(ev.id, patch);
      return submitEvaluation(ev.id);
    },
    onSuccess: async (saved) => {
      await store(saved);
      void message.success(t('evaluations.detail.submitted'));
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
  const remove = useMutation({
    mutationFn: () => deleteEvaluation(ev.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: evaluationKeys.all });
      void message.success(t('evaluations.detail.deleted'));
      navigate(EVALUATIONS_PATH);
    },
  });

  const trySubmit = () => {
    const left = unanswered(ev.criteria, answers);
    if (left.length) {
      setMissing(left);
      void message.warning(t('evaluations.detail.answerAll', { n: left.length }));
      document.getElementById(`criterion-${left[0]}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      return;
    }
    if (!evaluatedOn) {
      void message.warning(t('evaluations.detail.needDate'));
      document.getElementById('evaluated-on')?.scrollIntoView({ behavior: 'smooth', block: 'center' });
      return;
    }
    modal.confirm({
      title: t('evaluations.detail.submitConfirm'),
      content: t('evaluations.detail.submitHint', { unit: ev.approver_unit?.name ?? '' }),
      okText: t('evaluations.detail.submit'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'submit-ok' } as ButtonProps,
      onOk: () => submit.mutateAsync().catch(() => undefined),
    });
  };

  const lastReturn = [...ev.history].reverse().find((h) => h.action === 'returned' || h.action === 'return');
  const error = save.error ?? submit.error ?? remove.error;

  return (
    <>
      <div className="antq-admin__head">
        <div>
          <Title level={1} className="antq-page-title" data-testid="evaluation-title">
            {unitName(ev.unit)}
          </Title>
          <Paragraph type="secondary" className="antq-eval-subtitle">
            {t('evaluations.detail.subtitle', { year: ev.year })} · {t(`evaluations.kinds.${ev.target_kind}`, { defaultValue: ev.target_kind })}
          </Paragraph>
          <Space wrap size={4}>
            <StatusTag status={ev.status} />
            <ResultTag result={ev.result} expected={ev.status !== 'approved'} />
            {ev.certificate && <Tag color="gold">{t('evaluations.detail.certificateNo', { number: ev.certificate.number, date: formatDate(ev.certificate.date) })}</Tag>}
          </Space>
        </div>
        {actions.certificate && (
          <Button type="primary" icon={<PrinterOutlined />} href={certificateUrl(ev.id)} target="_blank" rel="noopener" data-testid="certificate-open">
            {t('evaluations.detail.certificate')}
          </Button>
        )}
      </div>

      {ev.status === 'returned' && lastReturn && (
        <Alert
          type="warning"
          showIcon
          className="antq-block-sm"
          message={t('evaluations.detail.returnedBy', { user: lastReturn.by, at: formatDateTime(lastReturn.at) })}
          description={<span className="antq-pre">{lastReturn.comment}</span>}
          data-testid="return-comment"
        />
      )}
      {ev.status === 'submitted' && !actions.decide && (
        <Alert type="info" showIcon className="antq-block-sm" message={t('evaluations.detail.waiting', { unit: ev.approver_unit?.name ?? '' })} />
      )}
      {error && (
        <div className="antq-block-sm">
          <ApiErrorAlert error={error} />
        </div>
      )}

      <div className="antq-eval-grid">
        <div className="antq-eval-main">
          <Card size="small" className="antq-eval-progress" data-testid="evaluation-progress">
            <div className="antq-eval-progress__row">
              <Progress
                type="circle"
                size={72}
                percent={progress.percent}
                status={progress.answered === progress.total ? 'success' : 'normal'}
                format={() => `${progress.answered}/${progress.total}`}
              />
              <div>
                <Text strong data-testid="progress-text">
                  {t('evaluations.detail.progress', { answered: progress.answered, total: progress.total })}
                </Text>
                {ev.status !== 'approved' && (
                  <div>
                    <Text type="secondary">{t('evaluations.detail.expected')} </Text>
                    <ResultTag result={expected} />
                  </div>
                )}
              </div>
            </div>
          </Card>

          <ol className="antq-eval-criteria" data-testid="criteria">
            {ev.criteria.map((c, i) => (
              <CriterionCard
                key={c.code}
                ev={ev}
                index={i + 1}
                criterion={c}
                answer={answers[c.code] ?? { met: null, evidence: '' }}
                missing={missing.includes(c.code)}
                editable={actions.edit}
                onChange={(a) => {
                  setAnswers((prev) => ({ ...prev, [c.code]: a }));
                  if (a.met !== null) setMissing((m) => m.filter((x) => x !== c.code));
                }}
              />
            ))}
          </ol>

          <Card size="small" title={t('evaluations.detail.general')} className="antq-block">
            <Form layout="vertical" disabled={!actions.edit}>
              <Form.Item label={t('evaluations.detail.evaluatedOn')} extra={t('evaluations.detail.window', { from: formatDate(ev.window.from), to: formatDate(ev.window.to) })}>
                <div id="evaluated-on">
                  <DateInput value={evaluatedOn} onChange={setEvaluatedOn} noFuture />
                </div>
              </Form.Item>
              <Form.Item label={t('evaluations.detail.notes')}>
                <Input.TextArea value={notes} onChange={(e) => setNotes(e.target.value)} autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
              </Form.Item>
            </Form>
          </Card>
        </div>

        <aside className="antq-eval-side">
          <Card size="small" title={t('evaluations.detail.rules')} data-testid="evaluation-rules">
            {ev.rules.length === 0 && <Text type="secondary">{t('evaluations.detail.noRules')}</Text>}
            <ul className="antq-eval-rules">
              {ev.rules.map((r) => (
                <li key={r.code}>
                  {r.met === true ? (
                    <CheckCircleFilled className="antq-eval-ok" />
                  ) : r.met === false ? (
                    <CloseCircleFilled className="antq-eval-bad" />
                  ) : (
                    <MinusCircleOutlined className="antq-eval-open" />
                  )}
                  <div>
                    <div>{r.label}</div>
                    {r.detail && <Text type="secondary">{r.detail}</Text>}
                  </div>
                </li>
              ))}
            </ul>
            <div className="antq-eval-result">
              <Text>{t('evaluations.detail.result')} </Text>
              <ResultTag result={ev.result} expected={ev.status !== 'approved'} />
            </div>
          </Card>
          <Card size="small" title={t('evaluations.detail.about')} className="antq-block">
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'set', label: t('evaluations.detail.set'), children: `${ev.criteria_set.title} (v${ev.criteria_set.version})` },
                { key: 'window', label: t('evaluations.detail.windowLabel'), children: `${formatDate(ev.window.from)} – ${formatDate(ev.window.to)}` },
                ...(ev.approver_unit ? [{ key: 'approver', label: t('evaluations.detail.approver'), children: ev.approver_unit.name }] : []),
                ...(ev.submitted_by ? [{ key: 'submitted', label: t('evaluations.detail.submittedBy'), children: ev.submitted_by }] : []),
                ...(ev.decided_by ? [{ key: 'decided', label: t('evaluations.detail.decidedBy'), children: ev.decided_by }] : []),
              ]}
            />
          </Card>
          <Card size="small" title={t('evaluations.detail.history')} className="antq-block" data-testid="evaluation-history">
            {ev.history.length === 0 ? (
              <Text type="secondary">—</Text>
            ) : (
              <Timeline
                items={ev.history.map((h, i) => ({
                  key: i,
                  color: h.action.startsWith('return') ? 'orange' : h.action.startsWith('approv') ? 'green' : h.action.startsWith('submit') ? 'blue' : 'gray',
                  children: (
                    <div data-testid="history-entry">
                      <Text strong>{t(`evaluations.actions.${h.action}`, { defaultValue: h.action })}</Text>
                      <div>
                        <Text type="secondary">
                          {h.by} · {formatDateTime(h.at)}
                        </Text>
                      </div>
                      {h.comment && <div className="antq-eval-comment antq-pre">{h.comment}</div>}
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </aside>
      </div>

      {(actions.edit || actions.decide || actions.delete) && (
        <div className="antq-eval-actions" data-testid="evaluation-actions">
          {actions.delete && (
            <Popconfirm
              title={t('evaluations.detail.deleteConfirm')}
              okText={t('registers.form.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove.mutate()}
            >
              <Button danger icon={<DeleteOutlined />} loading={remove.isPending}>
                {t('registers.form.delete')}
              </Button>
            </Popconfirm>
          )}
          <span className="antq-reg-actions__spacer" />
          {actions.edit && (
            <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!dirty} data-testid="evaluation-save">
              {dirty ? t('evaluations.detail.save') : t('evaluations.detail.savedShort')}
            </Button>
          )}
          {actions.submit && (
            <Button type="primary" icon={<SendOutlined />} onClick={trySubmit} loading={submit.isPending} data-testid="evaluation-submit">
              {t('evaluations.detail.submit')}
            </Button>
          )}
          {actions.decide && (
            <>
              <Button danger onClick={() => setDeciding('return')} data-testid="evaluation-return">
                {t('evaluations.detail.return')}
              </Button>
              <Button type="primary" onClick={() => setDeciding('approve')} data-testid="evaluation-approve">
                {t('evaluations.detail.approve')}
              </Button>
            </>
          )}
        </div>
      )}
      {deciding && <DecisionDialog ev={ev} kind={deciding} onClose={() => setDeciding(null)} onDone={store} />}
    </>
  );
}

function CriterionCard({
  ev,
  index,
  criterion: c,
  answer,
  missing,
  editable,
  onChange,
}: {
  ev: Evaluation;
  index: number;
  criterion: CriterionAnswer;
  answer: { met: boolean | null; evidence: string };
  missing: boolean;
  editable: boolean;
  onChange: (a: { met: boolean | null; evidence: string }) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) => uploadAttachment(ev.id, c.code, file),
    onSuccess: async () => {
      void message.success(t('evaluations.detail.uploaded'));
      await queryClient.invalidateQueries({ queryKey: evaluationKeys.detail(ev.id) });
    },
  });
  const met = c.auto ? c.met : answer.met;
  const value = met === true ? 'met' : met === false ? 'not_met' : undefined;
  return (
    <li
      id={`criterion-${c.code}`}
      className={`antq-eval-criterion${missing ? ' antq-eval-criterion--missing' : ''}${met === true ? ' antq-eval-criterion--met' : met === false ? ' antq-eval-criterion--not' : ''}`}
      data-testid="criterion"
      data-code={c.code}
    >
      <div className="antq-eval-criterion__head">
        <span className="antq-eval-criterion__n">{index}</span>
        <div className="antq-eval-criterion__text">
          <Text>{c.text}</Text>
          <div>
            {c.auto && <Tag color="purple">{t('evaluations.detail.auto')}</Tag>}
            {!c.confirmed && <Tag color="orange">{t('evaluations.detail.unconfirmed')}</Tag>}
          </div>
        </div>
      </div>
      {c.auto ? (
        <Paragraph type="secondary" className="antq-eval-criterion__auto">
          {t('evaluations.detail.autoHint')} <ResultTag result={met === true ? 'passed' : met === false ? 'not_passed' : null} />
        </Paragraph>
      ) : editable ? (
        <>
          <Radio.Group
            value={value}
            onChange={(e) => onChange({ ...answer, met: e.target.value === 'met' })}
            optionType="button"
            buttonStyle="solid"
            className="antq-eval-criterion__choice"
            aria-label={t('evaluations.detail.answerOf', { n: index })}
            options={[
              { value: 'met', label: t('evaluations.detail.met') },
              { value: 'not_met', label: t('evaluations.detail.notMet') },
            ]}
            data-testid="criterion-choice"
          />
          {missing && <div className="antq-eval-criterion__missing">{t('evaluations.detail.missing')}</div>}
          <Input.TextArea
            value={answer.evidence}
            onChange={(e) => onChange({ ...answer, evidence: e.target.value })}
            placeholder={t('evaluations.detail.evidence')}
            aria-label={t('evaluations.detail.evidenceOf', { n: index })}
            autoSize={{ minRows: 1, maxRows: 6 }}
            maxLength={2000}
            className="antq-eval-criterion__evidence"
            data-testid="criterion-evidence"
          />
        </>
      ) : (
        // read only (sent, decided, or no right to write): the answer and its evidence as text
        <div className="antq-eval-criterion__answer" data-testid="criterion-answer">
          {met === null ? (
            <Tag>{t('evaluations.detail.unanswered')}</Tag>
          ) : (
            <Tag color={met ? 'green' : 'red'} icon={met ? <CheckCircleFilled /> : <CloseCircleFilled />}>
              {met ? t('evaluations.detail.met') : t('evaluations.detail.notMet')}
            </Tag>
          )}
          {answer.evidence.trim() && <span className="antq-pre">{answer.evidence}</span>}
        </div>
      )}
      <div className="antq-eval-criterion__files">
        {c.attachments.map((a) => (
          <a key={String(a.id)} href={attachmentUrl(ev.id, a.id)} target="_blank" rel="noopener" className="antq-eval-file">
            <PaperClipOutlined /> {a.name || a.filename || t('evaluations.detail.file', { id: String(a.id) })}
          </a>
        ))}
        {editable && !c.auto && (
          <Upload
            accept="image/*,video/*,application/pdf"
            showUploadList={false}
            multiple={false}
            beforeUpload={(file) => {
              upload.mutate(file);
              return false;
            }}
          >
            <Button size="small" type="link" icon={<UploadOutlined />} loading={upload.isPending}>
              {t('evaluations.detail.attach')}
            </Button>
          </Upload>
        )}
      </div>
      {upload.isError && <ApiErrorAlert error={upload.error} />}
    </li>
  );
}

/** Return (a comment required) or approve (a comment optional). */
function DecisionDialog({
  ev,
  kind,
  onClose,
  onDone,
}: {
  ev: Evaluation;
  kind: 'return' | 'approve';
  onClose: () => void;
  onDone: (ev: Evaluation) => Promise<void>;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [comment, setComment] = useState('');
  const [empty, setEmpty] = useState(false);
  const decide = useMutation({
    mutationFn: () => (kind === 'return' ? returnEvaluation(ev.id, comment.trim()) : approveEvaluation(ev.id, comment.trim() || undefined)),
    onSuccess: async (saved) => {
      await onDone(saved);
      void message.success(kind === 'return' ? t('evaluations.detail.returned') : t('evaluations.detail.approved'));
      onClose();
    },
  });
  const ok = () => {
    if (kind === 'return' && !comment.trim()) {
      setEmpty(true);
      return;
    }
    decide.mutate();
  };
  const preview = useMemo(() => ev.result, [ev.result]);
  return (
    <Modal
      open
      title={kind === 'return' ? t('evaluations.detail.returnTitle') : t('evaluations.detail.approveTitle')}
      onCancel={onClose}
      onOk={ok}
      okText={kind === 'return' ? t('evaluations.detail.return') : t('evaluations.detail.approve')}
      okButtonProps={{ danger: kind === 'return', 'data-testid': 'decision-ok' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={decide.isPending}
      destroyOnHidden
      data-testid="decision-dialog"
    >
      {kind === 'approve' && (
        <Paragraph>
          {t('evaluations.detail.approveHint')} <ResultTag result={preview} />
        </Paragraph>
      )}
      {decide.isError && <ApiErrorAlert error={decide.error} />}
      <Form layout="vertical">
        <Form.Item
          label={kind === 'return' ? t('evaluations.detail.returnComment') : t('evaluations.detail.approveComment')}
          required={kind === 'return'}
          validateStatus={empty ? 'error' : undefined}
          help={empty ? t('evaluations.detail.commentRequired') : undefined}
        >
          <Input.TextArea
            rows={4}
            value={comment}
            maxLength={2000}
            onChange={(e) => {
              setComment(e.target.value);
              setEmpty(false);
            }}
            data-testid="decision-comment"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
