import { Badge, Button, Dropdown, Empty, Layout, List, Menu, Space, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { REGISTRY_READ_ROLES } from '@app/domain';
import { currentSession, get, logout, post } from '../shared/api';
import { NOTICE_ZH, ROLE_ZH, zh } from '../shared/labels';
import { formatTime } from '../shared/time';

interface Notification {
  id: string;
  notice: string;
  message: string;
  caseId: string | null;
  createdAt: string;
  readAt: string | null;
}

/** The menu shows only what the role may open; the API refuses the rest anyway. */
const MENU: { key: string; to?: string; label: string; roles: string[] }[] = [
  { key: '/', label: '待办', roles: ['HANDLER', 'HOST_UNIT_OPERATOR', 'SUPERVISOR', 'INSPECTOR', 'DISCIPLINE_OFFICER', 'ADMIN'] },
  { key: '/dashboard', label: '时限看板', roles: ['SUPERVISOR', 'ADMIN'] },
  { key: '/statistics', label: '统计分析', roles: ['HANDLER', 'SUPERVISOR', 'INSPECTOR', 'ADMIN'] },
  { key: '/circulars', label: '情况通报', roles: ['HANDLER', 'SUPERVISOR', 'INSPECTOR', 'ADMIN'] },
  { key: '/registry', label: '登记管理', roles: [...REGISTRY_READ_ROLES] },
  { key: '/monitoring', label: '重点监测', roles: [...REGISTRY_READ_ROLES] },
  { key: '/review-queue', label: '审核队列', roles: ['SUPERVISOR'] },
  { key: '/referrals', label: '移送案件', roles: ['DISCIPLINE_OFFICER'] },
  { key: '/campaigns', label: '抽查评估', roles: ['SUPERVISOR', 'INSPECTOR', 'ADMIN'] },
  { key: '/my-checks', label: '我的抽查', roles: ['INSPECTOR'] },
  { key: '/spot-check', label: '抽查发现', roles: ['INSPECTOR'] },
  // One entry for the four administration sections (their own tabs): the bar must fit every role's entries.
  { key: '/admin', to: '/admin/orgs', label: '系统管理', roles: ['ADMIN'] },
];

function Bell() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { data } = useQuery({ queryKey: ['notifications'], queryFn: () => get<{ items: Notification[]; unread: number }>('/api/v1/notifications', { pageSize: 10 }), refetchInterval: 30_000 });
  const markRead = useMutation({
    mutationFn: (id: string) => post(`/api/v1/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['notifications'] }),
  });
  const panel = (
    <div style={{ background: '#fff', width: 340, maxWidth: '90vw', boxShadow: '0 6px 16px rgba(0,0,0,.12)', borderRadius: 8, padding: 8 }}>
      {data?.items.length ? (
        <List
          size="small"
          dataSource={data.items}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: 'pointer', opacity: n.readAt ? 0.6 : 1 }}
              onClick={() => {
                if (!n.readAt) markRead.mutate(n.id);
                if (n.caseId) void navigate(`/cases/${n.caseId}`);
                // A campaign's notices name no case: the inspector's items, or the campaigns for the office.
                else if (n.notice.startsWith('CAMPAIGN_')) void navigate(currentSession()?.role === 'INSPECTOR' ? '/my-checks' : '/campaigns');
              }}
            >
              <List.Item.Meta title={`${n.readAt ? '' : '● '}${zh(NOTICE_ZH, n.notice)}`} description={formatTime(n.createdAt)} />
            </List.Item>
          )}
        />
      ) : (
        <Empty description="暂无通知" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </div>
  );
  return (
    <Dropdown popupRender={() => panel} trigger={['click']} placement="bottomRight">
      <Button type="text" aria-label={`通知，${data?.unread ?? 0} 条未读`} style={{ color: '#fff' }}>
        <Badge count={data?.unread ?? 0} size="small" offset={[6, -2]}>
          <span style={{ color: '#fff' }}>通知</span>
        </Badge>
      </Button>
    </Dropdown>
  );
}

export function ConsoleLayout({ children }: { children: ReactNode }) {
  const session = currentSession();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  // The session can end while the page is open (the API said so): the login page is on its way.
  if (!session) return null;
  const items = MENU.filter((m) => m.roles.includes(session.role)).map((m) => ({ key: m.key, label: <Link to={m.to ?? m.key}>{m.label}</Link> }));
  const selected = MENU.filter((m) => m.key !== '/' && location.pathname.startsWith(m.key)).map((m) => m.key);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, padding: '0 16px', background: '#7f0000' }}>
        <span className="c-brand">指尖形式主义案件办理</span>
        <nav aria-label="主菜单" style={{ flex: 1, minWidth: 0 }}>
          <Menu theme="dark" mode="horizontal" selectedKeys={selected.length ? selected : location.pathname === '/' ? ['/'] : []} items={items} style={{ background: 'transparent', minWidth: 0 }} />
        </nav>
        <Space>
          <Bell />
          <Typography.Text className="c-user" style={{ color: '#fff' }}>
            {session.username}（{zh(ROLE_ZH, session.role)}）
          </Typography.Text>
          <Button
            size="small"
            onClick={() => {
              void logout();
              queryClient.clear();
              void navigate('/login', { replace: true });
            }}
          >
            退出
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content className="c-content">
        <main>{children}</main>
      </Layout.Content>
    </Layout>
  );
}
