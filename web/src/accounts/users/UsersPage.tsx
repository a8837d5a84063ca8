import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Input, Table } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { listUsers, accountKeys } from '../api';
import type { User } from '../../api';
import ApiErrorAlert from '../../components/ApiErrorAlert';
import { formatNumber } from '../../lib/format';
import { PAGE_SIZES, useListParams } from '../../components/listParams';
import { usePageTitle } from '../../components/usePageTitle';
import './users.css';
import { useNarrow } from '../../components/useBreakpoint';
import { useUserColumns } from './columns';
import UserDrawer from './UserDrawer';
import type { Editing } from './userForm';
import PageHead from '../../components/PageHead';
// the module's texts, added to i18next when one of its pages loads
import './i18n';

export default function Users() {
  const { t } = useTranslation();
  usePageTitle('users.pageTitle');
  const { filters, page, perPage, setFilters, setPage } = useListParams(['q'] as const);
  const [text, setText] = useState(filters.q);
  const [editing, setEditing] = useState<Editing>(null);

  useEffect(() => setText(filters.q), [filters.q]);

  const query = { q: filters.q || undefined, page, per_page: perPage };
  const users = useQuery({
    queryKey: accountKeys.users(query),
    queryFn: ({ signal }) => listUsers(query, signal),
    placeholderData: keepPreviousData,
  });

  const narrow = useNarrow();

  const { columns, compactColumns } = useUserColumns((username) => setEditing({ mode: 'edit', username }));

  return (
    <div className="antq-admin" data-testid="users-page">
      <PageHead title={t('users.pageTitle')} intro={t('users.intro')}>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ mode: 'create' })} data-testid="user-add">
          {t('users.add')}
        </Button>
      </PageHead>

      <div className="antq-toolbar">
        <label htmlFor="antq-user-search" className="antq-sr-only">
          {t('users.search.label')}
        </label>
        <Input.Search
          id="antq-user-search"
          className="antq-toolbar__search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => setFilters({ q: v })}
          placeholder={t('users.search.placeholder')}
          enterButton={t('users.search.button')}
          allowClear
          maxLength={100}
          autoComplete="off"
        />
      </div>

      {users.isError && (
        <div className="antq-block-sm">
          <ApiErrorAlert error={users.error} onRetry={() => void users.refetch()} />
        </div>
      )}

      <Table<User>
        className="antq-block"
        data-testid="users-table"
        rowKey="username"
        size="middle"
        columns={narrow ? compactColumns : columns}
        dataSource={users.data?.items ?? []}
        loading={users.isFetching}
        scroll={narrow ? undefined : { x: 980 }}
        locale={{ emptyText: filters.q ? t('users.noneFor', { q: filters.q }) : t('users.none') }}
        pagination={{
          current: users.data?.page ?? page,
          pageSize: users.data?.per_page ?? perPage,
          total: users.data?.total ?? 0,
          pageSizeOptions: PAGE_SIZES.map(String),
          showSizeChanger: true,
          showTotal: (total) => t('users.total', { n: formatNumber(total) }),
          onChange: setPage,
        }}
      />

      <UserDrawer editing={editing} onClose={() => setEditing(null)} />
    </div>
  );
}
