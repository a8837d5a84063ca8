import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { changePassword } from './api';
import { useAuth } from './auth';
import { fieldOf, showFieldError } from '../components/forms';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH, confirmationProblem, newPasswordProblem } from './passwords';
import ApiErrorAlert from '../components/ApiErrorAlert';

interface Values {
  current_password: string;
  new_password: string;
  confirm: string;
}

const FIELDS = ['current_password', 'new_password', 'confirm'] as const;

interface Props {
  /** The label of the current password ("Mật khẩu hiện tại", or the temporary one). */
  currentLabel: string;
  submitLabel: string;
  /** Called once the server has taken the new password (and ended every session). */
  onDone: () => void;
  testId?: string;
}

/**
 * The user's own new password: the current one, the new one twice, with the same strength rules and
 * Vietnamese messages wherever it is asked (the own-account page, a first login with a temporary
 * password). The server checks again and names the field it refuses.
 */
export default function OwnPasswordForm({ currentLabel, submitLabel, onDone, testId = 'password-form' }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const { user } = useAuth();

  const mutation = useMutation({
    mutationFn: (v: Values) => changePassword(v.current_password, v.new_password),
    onSuccess: onDone,
    onError: (e) => {
      showFieldError(form, e, FIELDS);
    },
  });
  const otherError = mutation.error && !fieldOf(mutation.error, FIELDS) ? mutation.error : null;

  return (
    <>
      {otherError && (
        <div className="antq-block-sm">
          <ApiErrorAlert error={otherError} />
        </div>
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => mutation.mutate(v)}
        disabled={mutation.isPending}
        data-testid={testId}
      >
        {/* for password managers: whose password this is */}
        <input type="text" name="username" autoComplete="username" hidden readOnly value={user?.username ?? ''} />
        <Form.Item name="current_password" label={currentLabel} rules={[{ required: true, message: t('password.errors.currentRequired') }]}>
          <Input.Password autoComplete="current-password" maxLength={256} />
        </Form.Item>
        <Form.Item
          name="new_password"
          label={t('password.new')}
          extra={t('password.hint', { min: MIN_PASSWORD_LENGTH })}
          dependencies={['current_password']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) => {
                const problem = newPasswordProblem(v ?? '', getFieldValue('current_password') as string | undefined);
                return problem
                  ? Promise.reject(new Error(t(problem, { min: MIN_PASSWORD_LENGTH, max: MAX_PASSWORD_LENGTH })))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={MAX_PASSWORD_LENGTH} />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('password.confirm')}
          dependencies={['new_password']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v: string | undefined) => {
                const problem = confirmationProblem(getFieldValue('new_password') as string, v ?? '');
                return problem ? Promise.reject(new Error(t(problem))) : Promise.resolve();
              },
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={MAX_PASSWORD_LENGTH} />
        </Form.Item>
        <Alert className="antq-block-sm" type="info" showIcon message={t('password.sessionsNote')} />
        <Button type="primary" htmlType="submit" loading={mutation.isPending} block size="large">
          {submitLabel}
        </Button>
      </Form>
    </>
  );
}
