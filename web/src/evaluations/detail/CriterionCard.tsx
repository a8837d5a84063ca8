/** One criterion: met or not, the evidence, the files (uploaded through the shared client). */
import { CheckCircleFilled, CloseCircleFilled, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Input, Radio, Tag, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../../components/ApiErrorAlert';
import { attachmentUrl, evaluationKeys, uploadAttachment, type CriterionAnswer, type Evaluation } from '../api';
import { ResultTag } from '../tags';
import { useFeedback } from '../../components/feedback';

const { Paragraph, Text } = Typography;

export default function CriterionCard({
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
  const { message } = useFeedback();
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
