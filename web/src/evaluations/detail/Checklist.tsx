/** One evaluation's checklist with its progress, rules, history and actions. */
import {
  CheckCircleFilled,
  CloseCircleFilled,
  DeleteOutlined,
  MinusCircleOutlined,
  PrinterOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { Alert, Button, Descriptions, Form, Input, Popconfirm, Progress, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../../components/ApiErrorAlert';
import { formatDate, formatDateTime } from '../../lib/format';
import DateInput from '../../components/form/DateInput';
import { certificateUrl, type Evaluation } from '../api';
import { ResultTag, StatusTag, unitName } from '../tags';
import CriterionCard from './CriterionCard';
import DecisionDialog from './DecisionDialog';
import { useChecklist, type ChecklistState } from './useChecklist';
import Card from '../../components/Card';

const { Title, Paragraph, Text } = Typography;

export default function Checklist({ ev }: { ev: Evaluation }) {
  const state = useChecklist(ev);
  const { actions, answers, setAnswers, setMissing, missing, store } = state;
  const [deciding, setDeciding] = useState<'return' | 'approve' | null>(null);

  return (
    <>
      <DetailHead ev={ev} state={state} />

      <div className="antq-eval-grid">
        <div className="antq-eval-main">
          <ProgressCard ev={ev} state={state} />

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

          <GeneralCard ev={ev} state={state} />
        </div>

        <SidePanel ev={ev} />
      </div>

      {(actions.edit || actions.decide || actions.delete) && <ActionBar state={state} onDecide={setDeciding} />}
      {deciding && <DecisionDialog ev={ev} kind={deciding} onClose={() => setDeciding(null)} onDone={store} />}
    </>
  );
}

/** The unit, the year, the status and result, and why it came back or what it waits for. */
function DetailHead({ ev, state }: { ev: Evaluation; state: ChecklistState }) {
  const { t } = useTranslation();
  const { actions, lastReturn, error } = state;
  return (
    <>
      <div className="antq-admin__head">
        <div>
          <Title level={1} className="antq-page-title" data-testid="evaluation-title">
            {unitName(ev.unit)}
          </Title>
          <Paragraph type="secondary" className="antq-eval-subtitle">
            {t('evaluations.detail.subtitle', { year: ev.year })} ·{' '}
            {t(`evaluations.kinds.${ev.target_kind}`, { defaultValue: ev.target_kind })}
          </Paragraph>
          <Space wrap size={4}>
            <StatusTag status={ev.status} />
            <ResultTag result={ev.result} expected={ev.status !== 'approved'} />
            {ev.certificate && (
              <Tag color="gold">
                {t('evaluations.detail.certificateNo', { number: ev.certificate.number, date: formatDate(ev.certificate.date) })}
              </Tag>
            )}
          </Space>
        </div>
        {actions.certificate && (
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            href={certificateUrl(ev.id)}
            target="_blank"
            rel="noopener"
            data-testid="certificate-open"
          >
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
        <Alert
          type="info"
          showIcon
          className="antq-block-sm"
          message={t('evaluations.detail.waiting', { unit: ev.approver_unit?.name ?? '' })}
        />
      )}
      {error && (
        <div className="antq-block-sm">
          <ApiErrorAlert error={error} />
        </div>
      )}
    </>
  );
}

/** How many criteria are answered, and the result they would give. */
function ProgressCard({ ev, state }: { ev: Evaluation; state: ChecklistState }) {
  const { t } = useTranslation();
  const { progress, expected } = state;
  return (
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
  );
}

/** The day of the evaluation and the notes. */
function GeneralCard({ ev, state }: { ev: Evaluation; state: ChecklistState }) {
  const { t } = useTranslation();
  const { actions, evaluatedOn, setEvaluatedOn, notes, setNotes } = state;
  return (
    <Card size="small" title={t('evaluations.detail.general')} className="antq-block">
      <Form layout="vertical" disabled={!actions.edit}>
        <Form.Item
          label={t('evaluations.detail.evaluatedOn')}
          extra={t('evaluations.detail.window', { from: formatDate(ev.window.from), to: formatDate(ev.window.to) })}
        >
          <div id="evaluated-on">
            <DateInput value={evaluatedOn} onChange={setEvaluatedOn} noFuture />
          </div>
        </Form.Item>
        <Form.Item label={t('evaluations.detail.notes')}>
          <Input.TextArea value={notes} onChange={(e) => setNotes(e.target.value)} autoSize={{ minRows: 2, maxRows: 8 }} maxLength={5000} />
        </Form.Item>
      </Form>
    </Card>
  );
}

/** The computed rules and result, the set and window, the history with its comments. */
function SidePanel({ ev }: { ev: Evaluation }) {
  const { t } = useTranslation();
  return (
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
            {
              key: 'window',
              label: t('evaluations.detail.windowLabel'),
              children: `${formatDate(ev.window.from)} – ${formatDate(ev.window.to)}`,
            },
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
              color: h.action.startsWith('return')
                ? 'orange'
                : h.action.startsWith('approv')
                  ? 'green'
                  : h.action.startsWith('submit')
                    ? 'blue'
                    : 'gray',
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
  );
}

/** Delete, save, submit; return or approve. */
function ActionBar({ state, onDecide }: { state: ChecklistState; onDecide: (kind: 'return' | 'approve') => void }) {
  const { t } = useTranslation();
  const { actions, remove, save, submit, dirty, trySubmit } = state;
  return (
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
          <Button danger onClick={() => onDecide('return')} data-testid="evaluation-return">
            {t('evaluations.detail.return')}
          </Button>
          <Button type="primary" onClick={() => onDecide('approve')} data-testid="evaluation-approve">
            {t('evaluations.detail.approve')}
          </Button>
        </>
      )}
    </div>
  );
}
