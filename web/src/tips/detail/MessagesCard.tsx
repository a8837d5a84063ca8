import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { tipKeys, sendTipMessage, type TipDetail as Tip, type TipMessage } from '../api';
import ApiErrorAlert from '../../components/ApiErrorAlert';
import { formatDateTime } from '../../lib/format';
import { MESSAGE_MAX, formatTrackingCode, textLength } from '../../lib/tips';
import { useFeedback } from '../../components/feedback';
import Card from '../../components/Card';

const { Text } = Typography;

function Thread({ messages }: { messages: TipMessage[] }) {
  const { t } = useTranslation();
  const sorted = [...messages].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <ol className="antq-thread" data-testid="tip-messages">
      {sorted.map((m) => {
        const fromReporter = m.from === 'reporter';
        return (
          <li
            key={String(m.id)}
            className={`antq-msg ${fromReporter ? 'antq-msg--reporter' : 'antq-msg--police'}`}
            data-testid="tip-message"
          >
            <div className="antq-msg__meta">
              <Text strong>{fromReporter ? t('tips.messages.reporter') : t('tips.messages.police')}</Text>
              {!fromReporter && m.author && <Text type="secondary"> ({m.author})</Text>}
              <Text type="secondary"> · {formatDateTime(m.at)}</Text>
            </div>
            <div className="antq-msg__body">{m.body}</div>
          </li>
        );
      })}
    </ol>
  );
}

export default function Messages({ tip, canWrite }: { tip: Tip; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const [body, setBody] = useState('');
  const [empty, setEmpty] = useState(false);
  const send = useMutation({
    mutationFn: () => sendTipMessage(tip.id, body.trim()),
    onSuccess: async () => {
      setBody('');
      void message.success(t('tips.messages.sent'));
      await queryClient.invalidateQueries({ queryKey: tipKeys.detail(String(tip.id)) });
    },
  });
  const submit = () => {
    if (!textLength(body)) {
      setEmpty(true);
      return;
    }
    send.mutate();
  };

  return (
    <Card title={t('tips.messages.title')} size="small" data-testid="tip-thread">
      {tip.messages.length === 0 ? <Text type="secondary">{t('tips.messages.none')}</Text> : <Thread messages={tip.messages} />}
      {tip.merged
        .filter((m) => m.messages.length > 0)
        .map((m) => (
          <div key={String(m.id)} className="antq-block">
            <Text type="secondary">{t('tips.messages.merged', { code: formatTrackingCode(m.tracking_code) })}</Text>
            <Thread messages={m.messages} />
          </div>
        ))}
      {canWrite && (
        <Form layout="vertical" className="antq-block" onFinish={submit} disabled={send.isPending}>
          {send.isError && <ApiErrorAlert error={send.error} />}
          <Form.Item
            label={t('tips.messages.reply')}
            htmlFor="tip-reply"
            extra={t('tips.messages.replyHint')}
            validateStatus={empty ? 'error' : undefined}
            help={empty ? t('tips.messages.empty') : undefined}
          >
            <Input.TextArea
              id="tip-reply"
              rows={3}
              value={body}
              maxLength={MESSAGE_MAX}
              onChange={(e) => {
                setBody(e.target.value);
                setEmpty(false);
              }}
              data-testid="tip-reply"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={send.isPending} data-testid="tip-reply-send">
            {t('tips.messages.send')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
