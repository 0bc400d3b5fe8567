import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Select, Space, Table, Tag, TreeSelect, Typography } from 'antd';
import { useState } from 'react';
import { PASSWORD_PATTERN, ROLE_ZH, USERNAME_PATTERN, type Role } from '@app/domain';
import { currentSession, patch, post } from '../../../shared/api';
import { manageableOrgs, orgTree, rolesAt, type AdminUser, type OrgNode } from './directory';
import { USERS_KEY, useOrganizations, useUsers } from './useDirectory';

const PASSWORD_RULE = '至少 10 位（最多 128 位），须同时包含字母和数字';
const USERNAME_RULE = '3 至 64 位，小写字母开头，可含小写字母、数字和 . _ -';

interface UserValues {
  username?: string;
  displayName: string;
  organizationId: number;
  role: Role;
  password?: string;
}

interface OrgOption {
  value: number;
  title: string;
  children: OrgOption[];
}
const asTreeSelect = (nodes: OrgNode[]): OrgOption[] => nodes.map((n) => ({ value: n.key, title: n.title, children: asTreeSelect(n.children) }));

/** Create (no user) or edit an account; only the roles the chosen organization may hold are offered. */
function UserForm({ user, onClose }: { user: AdminUser | null; onClose: () => void }) {
  const [form] = Form.useForm<UserValues>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { orgs, mine, byId } = useOrganizations();
  const self = user?.username === currentSession()?.username;
  const orgId = Form.useWatch('organizationId', form) ?? user?.organizationId;
  const roles = orgId ? rolesAt(byId.get(orgId)?.kind ?? '') : [];
  const save = useMutation({
    mutationFn: (v: UserValues) => {
      if (!user) return post<AdminUser>('/api/v1/admin/users', { ...v, displayName: v.displayName.trim() });
      // Only what changed is sent: an unchanged role or organization must not void the user's sessions.
      const changes: Partial<UserValues> = {};
      if (v.displayName.trim() !== user.displayName) changes.displayName = v.displayName.trim();
      if (v.organizationId !== user.organizationId) changes.organizationId = v.organizationId;
      if (v.role !== user.role) changes.role = v.role;
      if (v.password) changes.password = v.password;
      return Object.keys(changes).length ? patch<AdminUser>(`/api/v1/admin/users/${user.id}`, changes) : Promise.resolve(user);
    },
    onSuccess: (saved) => {
      message.success(user ? `已保存 ${saved.username}` : `已创建用户 ${saved.username}`);
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
      onClose();
    },
  });
  return (
    <Modal open title={user ? `编辑用户 ${user.username}` : '新建用户'} okText={user ? '保存' : '创建'} cancelText="取消" onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} destroyOnHidden width={600}>
      {save.error && <Alert type="error" showIcon role="alert" message={save.error.message} style={{ marginBottom: 12 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={user ? { displayName: user.displayName, organizationId: user.organizationId, role: user.role } : undefined}
        onFinish={(v) => save.mutate(v)}
        onValuesChange={(changed: Partial<UserValues>) => {
          // A role that the new organization cannot hold is cleared, not sent.
          const kind = changed.organizationId ? byId.get(changed.organizationId)?.kind : undefined;
          if (kind && !rolesAt(kind).includes(form.getFieldValue('role'))) form.setFieldValue('role', rolesAt(kind).length === 1 ? rolesAt(kind)[0] : undefined);
        }}
      >
        {!user && (
          <Form.Item name="username" label="用户名" extra={USERNAME_RULE} rules={[{ required: true, message: '请填写用户名' }, { pattern: USERNAME_PATTERN, message: '用户名格式不对' }]}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="displayName" label="姓名" rules={[{ required: true, whitespace: true, message: '请填写姓名' }, { max: 100, message: '最多 100 字' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="organizationId" label="所属机构" rules={[{ required: true, message: '请选择所属机构' }]} extra={self ? '不能调离自己的机构' : undefined}>
          <TreeSelect treeData={asTreeSelect(orgTree(manageableOrgs(orgs, mine)))} treeDefaultExpandAll showSearch treeNodeFilterProp="title" placeholder="请选择机构" disabled={self} aria-label="所属机构" />
        </Form.Item>
        <Form.Item name="role" label="角色" rules={[{ required: true, message: '请选择角色' }]} extra={orgId ? undefined : '先选择所属机构：每类机构只能设相应的角色'}>
          <Select options={roles.map((r) => ({ value: r, label: ROLE_ZH[r] }))} placeholder="请选择角色" disabled={self || !orgId} aria-label="角色" />
        </Form.Item>
        <Form.Item
          name="password"
          label={user ? '重置密码（不改则留空）' : '初始密码'}
          extra={`${PASSWORD_RULE}${user ? '；重置后该用户已登录的会话立即失效' : ''}`}
          rules={[...(user ? [] : [{ required: true, message: '请填写初始密码' }]), { pattern: PASSWORD_PATTERN, message: '密码不符合要求' }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The accounts in reach: the organization by name, role and state; create, edit, disable after a confirmation. */
export default function UsersSection() {
  const { users, error, isLoading } = useUsers();
  const { byId } = useOrganizations();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<AdminUser | 'new' | null>(null);
  const [search, setSearch] = useState('');
  const me = currentSession()?.username;
  const setActive = useMutation({
    mutationFn: ({ user, active }: { user: AdminUser; active: boolean }) => patch<AdminUser>(`/api/v1/admin/users/${user.id}`, { active }),
    onSuccess: (saved) => {
      message.success(saved.active ? `已启用 ${saved.username}` : `已停用 ${saved.username}`);
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
    },
    onError: (e) => message.error(e.message),
  });
  const shown = search ? users.filter((u) => u.username.includes(search) || u.displayName.includes(search) || (byId.get(u.organizationId)?.name ?? '').includes(search)) : users;
  return (
    <Card
      title="用户"
      size="small"
      extra={
        <Space wrap>
          <Input.Search placeholder="用户名、姓名或机构" aria-label="查找用户" allowClear onSearch={setSearch} onChange={(e) => !e.target.value && setSearch('')} style={{ width: 220 }} />
          <Button type="primary" onClick={() => setEditing('new')}>
            新建用户
          </Button>
        </Space>
      }
    >
      {error && <Alert type="error" message={error.message} style={{ marginBottom: 12 }} />}
      <Table
        rowKey="id"
        size="small"
        loading={isLoading}
        dataSource={shown}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '用户名', dataIndex: 'username', render: (u: string) => (u === me ? <Space size={4}>{u}<Tag>本人</Tag></Space> : u) },
          { title: '姓名', dataIndex: 'displayName' },
          { title: '角色', dataIndex: 'role', render: (r: Role) => ROLE_ZH[r] ?? r },
          { title: '机构', dataIndex: 'organizationId', render: (id: number) => byId.get(id)?.name ?? `#${id}` },
          { title: '状态', dataIndex: 'active', render: (a: boolean) => (a ? <Tag color="green">启用</Tag> : <Tag color="default">停用</Tag>) },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, u: AdminUser) => (
              <Space size={4}>
                <Button size="small" type="link" onClick={() => setEditing(u)} aria-label={`编辑 ${u.username}`}>
                  编辑
                </Button>
                {u.username === me ? null : u.active ? (
                  <Popconfirm
                    title={`停用 ${u.username}？`}
                    description={<Typography.Text style={{ maxWidth: 260, display: 'block' }}>停用后该用户立即不能登录，已登录的会话也随即失效；可随时重新启用。</Typography.Text>}
                    okText="停用"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => setActive.mutateAsync({ user: u, active: false }).catch(() => undefined)}
                  >
                    <Button size="small" type="link" danger aria-label={`停用 ${u.username}`}>
                      停用
                    </Button>
                  </Popconfirm>
                ) : (
                  <Button size="small" type="link" onClick={() => setActive.mutate({ user: u, active: true })} aria-label={`启用 ${u.username}`}>
                    启用
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && <UserForm user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
