/** On the home page of a logged-in officer: "Ghi hoạt động" in one tap, and the registers at hand. */
import { EditOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission, useAuth } from '../accounts/auth';
import { useLabel } from './labels';
import { MOVEMENT_REGISTERS as REGISTERS, QUICK_ACTIVITY_PATH, REGISTER_BY_NAME, registerPath } from './config';
import './registers.css';

export default function HomeQuick() {
  const { t } = useTranslation();
  const label = useLabel();
  const { user } = useAuth();
  if (!user) return null;
  const canRecord = hasPermission(user, REGISTER_BY_NAME.activities.writePermission);
  const readable = REGISTERS.filter((r) => hasPermission(user, r.readPermission));
  if (!canRecord && readable.length === 0) return null;
  return (
    <section className="antq-reg-home" aria-labelledby="home-registers" data-testid="home-registers">
      <div>
        <Typography.Title level={2} id="home-registers">
          {t('registers.home.title')}
        </Typography.Title>
        <div className="antq-reg-home__links">
          {readable.map((r) => (
            <Link key={r.name} to={registerPath(r)}>
              {label(r.title)}
            </Link>
          ))}
        </div>
      </div>
      {canRecord && (
        <Link to={QUICK_ACTIVITY_PATH} className="antq-reg-home__cta" data-testid="home-quick-activity">
          <Button type="primary" size="large" icon={<EditOutlined />} block>
            {t('registers.quick.title')}
          </Button>
        </Link>
      )}
    </section>
  );
}
