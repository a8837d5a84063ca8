/** The compose form itself (see ComposePage): the fields, the recipients' count, the preview, saving and publishing. */
import { SaveOutlined } from '@ant-design/icons';
import { Button, Form, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import ApiErrorAlert from '../components/ApiErrorAlert';
import DateInput from '../components/form/DateInput';
import UnitField from '../components/form/UnitField';
import { useUnitDetails } from '../components/form/unitTree';
import { showFieldError } from '../components/forms';
import { formatNumber } from '../lib/format';
import PostActions from './actions';
import { NEWS_KINDS, PRIORITIES, createNews, updateNews, type NewsPost } from './api';
import ChannelPicker from './ChannelPicker';
import { BODY_MAX, SUMMARY_MAX, TITLE_MAX, emptyCompose, postToValues, timesProblem, valuesToPayload, type ComposeValues } from './logic';
import PhonePreview from './PhonePreview';
import Recipients, { useRecipients } from './Recipients';
import { useFeedback } from '../components/feedback';

const { Paragraph, Text } = Typography;
const FIELDS = ['kind', 'title', 'summary', 'body', 'target_units', 'channels', 'priority', 'publish_at', 'expires_at'] as const;

interface Props {
  post: NewsPost | null;
  ownUnit: string | null;
  onSaved: (post: NewsPost, created: boolean) => void;
  onPublished: (post: NewsPost) => void;
}

export default function ComposeForm({ post, ownUnit, onSaved, onPublished }: Props) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<ComposeValues>();
  const [initial] = useState<ComposeValues>(() => (post ? postToValues(post) : emptyCompose(ownUnit)));
  const watched = Form.useWatch([], form) as Partial<ComposeValues> | undefined;
  const values: ComposeValues = { ...initial, ...watched };
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const changes = post ? valuesToPayload(values, post) : null;
  const unsaved = post ? Object.keys(changes!).length > 0 : !!(values.title || values.body || values.summary);
  const targets = useUnitDetails(values.target_units ?? []);
  const recipients = useRecipients(values.target_units ?? [], values.kind);
  const published = post?.status === 'published';
  const targetNames = (values.target_units ?? []).map(
    (code, i) => targets[i]?.data?.full_name ?? post?.target_units.find((u) => u.code === code)?.full_name ?? code,
  );

  /** Saves the form (creates the draft, or sends what changed); the saved post, or null when it did not save. */
  const save = async (): Promise<NewsPost | null> => {
    setError(null);
    try {
      await form.validateFields();
    } catch {
      return null; // the fields say what is missing
    }
    const v = { ...initial, ...(form.getFieldsValue(true) as Partial<ComposeValues>) };
    const problem = timesProblem(v);
    if (problem) {
      form.setFields([{ name: 'expires_at', errors: [t(`news.form.${problem}`)] }]);
      return null;
    }
    const payload = valuesToPayload(v, post ?? undefined);
    if (post && Object.keys(payload).length === 0) return post;
    setSaving(true);
    try {
      const saved = post ? await updateNews(post.id, payload) : await createNews(payload);
      void message.success(t(post ? 'news.form.savedEdit' : 'news.form.saved'));
      onSaved(saved, !post);
      return saved;
    } catch (e) {
      if (!showFieldError(form, e, FIELDS)) setError(e);
      return null;
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="antq-news-compose__grid">
      <Form<ComposeValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={() => void save()}
        className="antq-news-form"
        data-testid="news-form"
        requiredMark="optional"
      >
        <ContentFields kind={values.kind} />
        <Form.Item
          name="target_units"
          label={t('news.form.targets')}
          extra={t('news.form.targetsHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('news.form.targetsRequired') }]}
        >
          <UnitField multiple id="news-targets" data-testid="news-targets" />
        </Form.Item>
        <Form.Item name="channels" label={t('news.channels.label')} extra={t(published ? 'news.channels.locked' : 'news.channels.hint')}>
          <ChannelPicker state={recipients} saved={post?.channels} disabled={published} />
        </Form.Item>
        <Recipients state={recipients} selected={values.channels ?? []} saved={post?.channels} />
        <TimeFields />
        {published && <Paragraph type="secondary">{t('news.form.publishedKeepsHistory')}</Paragraph>}
        <ApiErrorAlert error={error} />
        <Space wrap className="antq-news-form__actions">
          <Button htmlType="submit" type={post ? 'default' : 'primary'} icon={<SaveOutlined />} loading={saving} data-testid="news-save">
            {t(post && post.status !== 'draft' ? 'news.form.saveEdit' : 'news.form.save')}
          </Button>
          {post && <PostActions post={post} hideDelete beforePublish={async () => !!(await save())} afterPublish={onPublished} />}
        </Space>
      </Form>
      <aside className="antq-news-compose__side">
        <PhonePreview
          kind={values.kind}
          priority={values.kind === 'warning' ? (values.priority ?? null) : null}
          title={values.title ?? ''}
          summary={values.summary ?? ''}
          bodyHtml={post ? post.body_html : null}
          savedAt={post?.updated_at ?? null}
          unsaved={unsaved}
          targets={targetNames}
          publishedAt={post?.published_at ?? null}
        />
        {unsaved && !post && <Text type="secondary">{t('news.preview.empty')}</Text>}
      </aside>
    </div>
  );
}

/** Kind, priority of a warning, title, summary, body with its help. */
function ContentFields({ kind }: { kind: ComposeValues['kind'] }) {
  const { t } = useTranslation();
  const tooLong = (max: number) => ({ max, message: t('news.form.tooLong', { max: formatNumber(max) }) });
  return (
    <>
      <Form.Item name="kind" label={t('news.form.kind')} required>
        <Radio.Group optionType="button" buttonStyle="solid" data-testid="news-kind">
          {NEWS_KINDS.map((k) => (
            <Radio.Button key={k} value={k}>
              {t(`news.kind.${k}`)}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      {kind === 'warning' && (
        <Form.Item name="priority" label={t('news.form.priority')} required>
          <Radio.Group data-testid="news-priority">
            {PRIORITIES.map((p) => (
              <Radio key={p} value={p}>
                {t(`news.priority.${p}`)} <Text type="secondary">— {t(`news.priorityHint.${p}`)}</Text>
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
      )}
      <Form.Item
        name="title"
        label={t('news.form.title')}
        htmlFor="news-title"
        rules={[{ required: true, whitespace: true, message: t('news.form.titleRequired') }, tooLong(TITLE_MAX)]}
      >
        <Input maxLength={TITLE_MAX} showCount id="news-title" />
      </Form.Item>
      <Form.Item
        name="summary"
        label={t('news.form.summary')}
        htmlFor="news-summary"
        extra={t('news.form.summaryHint')}
        rules={[tooLong(SUMMARY_MAX)]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={SUMMARY_MAX} id="news-summary" />
      </Form.Item>
      <Form.Item
        name="body"
        label={t('news.form.body')}
        htmlFor="news-body"
        extra={<span data-testid="news-markdown-help">{t('news.form.help')}</span>}
        rules={[{ required: true, whitespace: true, message: t('news.form.bodyRequired') }, tooLong(BODY_MAX)]}
      >
        <Input.TextArea autoSize={{ minRows: 8, maxRows: 24 }} id="news-body" className="antq-news-body-input" />
      </Form.Item>
    </>
  );
}

/** When it shows, and until when. */
function TimeFields() {
  const { t } = useTranslation();
  return (
    <div className="antq-news-times">
      <Form.Item name="publish_at" label={t('news.form.publishAt')} extra={t('news.form.publishAtHint')}>
        <DateInput withTime id="news-publish-at" />
      </Form.Item>
      <Form.Item name="expires_at" label={t('news.form.expiresAt')} extra={t('news.form.expiresAtHint')}>
        <DateInput withTime id="news-expires-at" />
      </Form.Item>
    </div>
  );
}
