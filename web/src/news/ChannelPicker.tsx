/**
 * "Nhóm Zalo, Facebook": the active groups of the groups register in the chosen areas, each with
 * its platform, members and how it gets the post — a Zalo group with its id on the platform by
 * itself ("Gửi tự động"), the others recorded for the officer to post by hand ("Đăng thủ công").
 * Fixed once the post is published.
 */
import { Checkbox, Spin, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';
import type { NewsChannel } from './api';
import { channelMode, channelOptions, keptChannels } from './logic';
import type { RecipientsState } from './Recipients';

const { Text } = Typography;
const PLATFORMS: Record<string, { label: string; color: string }> = {
  zalo: { label: 'Zalo', color: 'blue' },
  facebook: { label: 'Facebook', color: 'geekblue' },
};

/** A group: its name, platform, unit, members and how it gets the post. */
export function ChannelLabel({ channel }: { channel: NewsChannel }) {
  const { t } = useTranslation();
  const platform = PLATFORMS[channel.platform] ?? { label: channel.platform, color: 'default' };
  const auto = channelMode(channel) === 'auto';
  return (
    <span className="antq-news-channel" data-testid="news-channel">
      <span className="antq-news-channel__name">
        <Text strong>{channel.name}</Text> <Tag color={platform.color}>{platform.label}</Tag>
        <Tag color={auto ? 'green' : 'orange'} data-testid="news-channel-mode">
          {auto ? t('news.channels.auto') : t('news.channels.manual')}
        </Tag>
      </span>
      <Text type="secondary" className="antq-news-channel__meta">
        {[
          channel.unit?.full_name,
          channel.members === null || channel.members === undefined
            ? null
            : t('news.channels.members', { members: formatNumber(channel.members) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </span>
  );
}

interface Props {
  value?: string[];
  onChange?: (ids: string[]) => void;
  state: RecipientsState;
  /** The post's saved groups. */
  saved?: NewsChannel[];
  disabled?: boolean;
}

/** The form control of `channels` (the ids of the chosen groups). */
export default function ChannelPicker(props: Props) {
  return (
    <div data-testid="news-channels">
      <Choices {...props} />
    </div>
  );
}

function Choices({ value = [], onChange, state, saved, disabled }: Props) {
  const { t } = useTranslation();
  const options = disabled ? channelOptions(saved) : channelOptions(state.data?.channels, saved);
  const ready = !!state.data || state.none;
  // a group of an area taken off the form drops out of the choice
  useEffect(() => {
    if (disabled || !ready) return;
    const kept = keptChannels(value, options);
    if (kept.length !== value.length) onChange?.(kept);
  });
  if (!disabled && state.loading && options.length === 0) {
    return (
      <Text type="secondary">
        <Spin size="small" /> {t('news.channels.loading')}
      </Text>
    );
  }
  if (!disabled && state.error && options.length === 0) return <Text type="warning">{t('news.channels.error')}</Text>;
  if (options.length === 0) {
    return (
      <Text type="secondary" data-testid="news-channels-none">
        {t(state.none && !disabled ? 'news.channels.noUnits' : 'news.channels.none')}
      </Text>
    );
  }
  return (
    <Checkbox.Group
      className="antq-news-channels"
      value={value}
      onChange={(ids) => onChange?.(ids.map(String))}
      disabled={disabled}
      options={options.map((c) => ({ value: String(c.id), label: <ChannelLabel channel={c} /> }))}
    />
  );
}
