/**
 * A group's members: who, role, gender, birth year, since when; the law's checks of a team
 * (green when met, orange when not); the yearly rating of a security team's members.
 */
import { CheckCircleOutlined, ExclamationCircleOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Empty, Form, type FormInstance, Input, InputNumber, List, Popconfirm, Radio, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../accounts/auth';
import ApiErrorAlert, { errorMessage } from '../components/ApiErrorAlert';
import FormModal from '../components/FormModal';
import { fieldOf, showFieldError } from '../components/forms';
import { formatDate } from '../lib/format';
import { RATING_LEVELS, listMembers, rateMember, registerKeys, updateMember, type Member, type Members, type RegisterRecord } from './api';
import { PastDayItem, RecordExtra } from './bits';
import { submitMember } from './offline';
import { dayOf, todayVN, yearVN } from './payload';
import { useFeedback } from '../components/feedback';

interface MemberValues {
  name: string;
  role: string;
  gender?: string;
  birth_year?: number | null;
  joined_on: Dayjs | null;
}

/** The roles a member of this kind of group may have (as the server checks them). */
export function rolesOf(kind: string): string[] {
  if (kind === 'security_team') return ['leader', 'deputy', 'member'];
  if (kind === 'mediation_team') return ['leader', 'mediator'];
  return ['leader', 'deputy', 'member'];
}

const FIELDS = ['name', 'role', 'gender', 'birth_year', 'joined_on'];

export default function GroupMembers({ group, canWrite }: { group: RegisterRecord; canWrite: boolean }) {
  const { t } = useTranslation();
  const kind = typeof group.kind === 'string' ? group.kind : '';
  const security = kind === 'security_team';
  const members = useQuery({ queryKey: registerKeys.members(group.id), queryFn: ({ signal }) => listMembers(group.id, signal) });
  const [adding, setAdding] = useState(false);
  const [ratingYear, setRatingYear] = useState(yearVN());
  const [form] = Form.useForm<MemberValues>();
  const { add, leave, rate } = useMemberChanges(group, form, ratingYear, () => setAdding(false));

  const items = members.data?.items ?? [];
  const current = items.filter((m) => !m.left_on);
  const years = [yearVN(), yearVN() - 1, yearVN() - 2];

  return (
    <RecordExtra
      name="members"
      title={t('registers.members.title')}
      summary={t('registers.members.summary', { n: current.length })}
      action={
        canWrite && (
          <Button
            type="primary"
            icon={<UserAddOutlined />}
            onClick={() => {
              add.reset();
              setAdding(true);
            }}
            data-testid="member-add"
          >
            {t('registers.members.add')}
          </Button>
        )
      }
    >
      <TeamChecks checks={members.data?.checks ?? []} />

      {security && items.length > 0 && (
        <div className="antq-reg-rating-year">
          <Typography.Text>{t('registers.members.ratingYear')}</Typography.Text>
          <Select
            value={ratingYear}
            onChange={setRatingYear}
            options={years.map((y) => ({ value: y, label: String(y) }))}
            style={{ width: 100 }}
            aria-label={t('registers.members.ratingYear')}
          />
        </div>
      )}

      {members.isError && <ApiErrorAlert error={members.error} onRetry={() => void members.refetch()} />}
      <List<Member>
        loading={members.isPending}
        dataSource={items}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('registers.members.none')} /> }}
        renderItem={(m) => (
          <List.Item data-testid="member" className={m.left_on ? 'antq-reg-member--left' : undefined}>
            <div className="antq-reg-member">
              <MemberLine member={m} />
              {security && !m.left_on && (
                <MemberRating member={m} year={ratingYear} canWrite={canWrite} onRate={(level) => rate.mutate({ member: m, level })} />
              )}
            </div>
            {canWrite && !m.left_on && (
              <Popconfirm
                title={t('registers.members.leaveConfirm', { name: m.name })}
                okText={t('registers.members.leave')}
                cancelText={t('common.cancel')}
                onConfirm={() => leave.mutate(m)}
              >
                <Button size="small" loading={leave.isPending && leave.variables?.id === m.id}>
                  {t('registers.members.leave')}
                </Button>
              </Popconfirm>
            )}
          </List.Item>
        )}
      />

      <FormModal
        open={adding}
        title={t('registers.members.addTitle')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        okText={t('registers.members.add')}
        okTestId="member-save"
        saving={add.isPending}
        error={add.error && !fieldOf(add.error, FIELDS) ? add.error : null}
        testId="member-modal"
      >
        <MemberForm form={form} kind={kind} onFinish={(v) => add.mutate(v)} />
      </FormModal>
    </RecordExtra>
  );
}

/** Adding a member, a member leaving, a member's yearly rating: each answers the group's members. */
function useMemberChanges(group: RegisterRecord, form: FormInstance<MemberValues>, ratingYear: number, onAdded: () => void) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const queryClient = useQueryClient();
  const { user } = useAuth();
  const key = registerKeys.members(group.id);

  const changed = async (res: Members) => {
    queryClient.setQueryData(key, res);
    // the group's member count follows its members
    await queryClient.invalidateQueries({ queryKey: registerKeys.all('groups') });
  };

  // a new member goes through the outbox: added now, or kept on the phone until there is a network
  const add = useMutation({
    mutationFn: (v: MemberValues) => {
      const name = v.name.trim();
      const groupName = typeof group.name === 'string' ? group.name : '';
      return submitMember(
        group.id,
        user?.username ?? '',
        {
          name,
          role: v.role,
          ...(v.gender ? { gender: v.gender } : {}),
          ...(typeof v.birth_year === 'number' ? { birth_year: v.birth_year } : {}),
          joined_on: v.joined_on?.format('YYYY-MM-DD') ?? '',
        },
        t('registers.members.pendingLabel', { name, group: groupName }),
      );
    },
    onSuccess: async (sent, v) => {
      const name = v.name.trim();
      if (sent.queued) {
        // "Chờ gửi", never "Đã thêm": nothing is on the server yet
        void message.warning(t('offline.queuedMessage', { item: t('registers.members.queuedItem', { name }) }));
      } else {
        await changed(sent.record);
        void message.success(t('registers.members.added', { name }));
      }
      onAdded();
    },
    onError: (e) => showFieldError(form, e, FIELDS),
  });
  const leave = useMutation({
    mutationFn: (m: Member) => updateMember(group.id, m.id, { left_on: todayVN() }),
    onSuccess: async (res) => {
      await changed(res);
      void message.success(t('registers.members.leftOk'));
    },
    onError: (e) => void message.error(errorMessage(e, t('error.title'))),
  });
  const rate = useMutation({
    mutationFn: (v: { member: Member; level: string }) => rateMember(group.id, v.member.id, { year: ratingYear, level: v.level }),
    onSuccess: async (res) => {
      await changed(res);
      void message.success(t('registers.members.rated'));
    },
    onError: (e) => void message.error(errorMessage(e, t('error.title'))),
  });
  return { add, leave, rate };
}

/** The law's checks of a team: green when met, orange when not. */
function TeamChecks({ checks }: { checks: Members['checks'] }) {
  const { t } = useTranslation();
  if (checks.length === 0) return null;
  return (
    <div className="antq-reg-checks" data-testid="team-checks" aria-label={t('registers.members.checks')}>
      {checks.map((c) => (
        <Tag
          key={c.rule}
          color={c.ok ? 'green' : 'orange'}
          icon={c.ok ? <CheckCircleOutlined /> : <ExclamationCircleOutlined />}
          className="antq-wrap-tag"
          data-testid={`check-${c.rule}`}
          data-ok={c.ok ? 'true' : 'false'}
        >
          {c.message}
        </Tag>
      ))}
    </div>
  );
}

/** A member: name and role, then gender, birth year, since when and (when gone) until when. */
function MemberLine({ member: m }: { member: Member }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="antq-reg-member__head">
        <Typography.Text strong>{m.name}</Typography.Text>
        <Tag color={m.role === 'leader' ? 'blue' : m.role === 'deputy' ? 'geekblue' : 'default'}>
          {t(`registers.members.roles.${m.role}`, { defaultValue: m.role })}
        </Tag>
      </div>
      <Typography.Text type="secondary">
        {[
          m.gender ? t(`registers.members.genders.${m.gender}`) : null,
          m.birth_year ? t('registers.members.born', { year: m.birth_year }) : null,
          t('registers.members.since', { date: formatDate(m.joined_on) }),
          m.left_on ? t('registers.members.left', { date: formatDate(m.left_on) }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
    </>
  );
}

/** A security team member's rating of the year: chosen by those who may write, read by the others. */
function MemberRating({
  member: m,
  year,
  canWrite,
  onRate,
}: {
  member: Member;
  year: number;
  canWrite: boolean;
  onRate: (level: string) => void;
}) {
  const { t } = useTranslation();
  const rating = m.ratings[String(year)];
  return (
    <div className="antq-reg-member__rating">
      {canWrite ? (
        <Select
          size="small"
          // controlled even when not rated: a refused rating goes back to "Chưa xếp loại"
          value={rating ?? null}
          placeholder={t('registers.members.notRated')}
          options={RATING_LEVELS.map((l) => ({ value: l, label: t(`registers.members.levels.${l}`) }))}
          onChange={onRate}
          aria-label={t('registers.members.ratingOf', { name: m.name, year })}
          popupMatchSelectWidth={false}
          data-testid="member-rating"
        />
      ) : rating ? (
        <Tag color="green">{t(`registers.members.levels.${rating}`)}</Tag>
      ) : (
        <Typography.Text type="secondary">{t('registers.members.notRated')}</Typography.Text>
      )}
    </div>
  );
}

/** A new member: name, role, gender (required in a mediation team), birth year (in a security team), since when. */
function MemberForm({ form, kind, onFinish }: { form: FormInstance<MemberValues>; kind: string; onFinish: (v: MemberValues) => void }) {
  const { t } = useTranslation();
  const security = kind === 'security_team';
  const mediation = kind === 'mediation_team';
  return (
    <Form<MemberValues>
      form={form}
      name="member"
      layout="vertical"
      requiredMark="optional"
      onFinish={onFinish}
      initialValues={{ role: mediation ? 'mediator' : 'member', joined_on: dayOf(todayVN()) }}
      preserve={false}
    >
      <Form.Item
        name="name"
        label={t('registers.members.name')}
        rules={[{ required: true, whitespace: true, message: t('registers.form.required', { label: t('registers.members.name') }) }]}
      >
        <Input maxLength={200} autoComplete="off" />
      </Form.Item>
      <Form.Item name="role" label={t('registers.members.role')} rules={[{ required: true }]}>
        <Select options={rolesOf(kind).map((r) => ({ value: r, label: t(`registers.members.roles.${r}`) }))} data-testid="member-role" />
      </Form.Item>
      <Space wrap size={16} className="antq-reg-member-form__row">
        <Form.Item
          name="gender"
          label={t('registers.members.gender')}
          rules={mediation ? [{ required: true, message: t('registers.members.genderRequired') }] : []}
        >
          <Radio.Group
            optionType="button"
            options={[
              { value: 'female', label: t('registers.members.genders.female') },
              { value: 'male', label: t('registers.members.genders.male') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="birth_year"
          label={t('registers.members.birthYear')}
          rules={security ? [{ required: true, message: t('registers.members.birthYearRequired') }] : []}
        >
          <InputNumber min={1900} max={yearVN()} precision={0} inputMode="numeric" style={{ width: 120 }} />
        </Form.Item>
      </Space>
      <PastDayItem name="joined_on" label={t('registers.members.joinedOn')} />
    </Form>
  );
}
