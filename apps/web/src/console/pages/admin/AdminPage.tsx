import { Menu, Spin, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Link, Route, Routes, useLocation } from 'react-router';

// Each section is its own chunk: the administrator opens one at a time.
const OrganizationsSection = lazy(() => import('./OrganizationsSection'));
const UsersSection = lazy(() => import('./UsersSection'));
const SlaSection = lazy(() => import('./SlaSection'));
const CalendarSection = lazy(() => import('./CalendarSection'));

const SECTIONS = [
  { path: 'orgs', label: '组织机构' },
  { path: 'users', label: '用户' },
  { path: 'sla', label: '时限规则' },
  { path: 'calendar', label: '节假日' },
];

/** 系统管理: organizations, users, SLA policy versions, calendar overrides. What the API would refuse is not offered. */
export default function AdminPage() {
  const { pathname } = useLocation();
  const current = SECTIONS.find((s) => pathname.startsWith(`/admin/${s.path}`))?.path ?? 'orgs';
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        系统管理
      </Typography.Title>
      <nav aria-label="系统管理">
        <Menu
          mode="horizontal"
          selectedKeys={[current]}
          items={SECTIONS.map((s) => ({ key: s.path, label: <Link to={`/admin/${s.path}`}>{s.label}</Link> }))}
          style={{ marginBottom: 16 }}
        />
      </nav>
      <Suspense fallback={<Spin />}>
        <Routes>
          <Route path="orgs" element={<OrganizationsSection />} />
          <Route path="users" element={<UsersSection />} />
          <Route path="sla" element={<SlaSection />} />
          <Route path="calendar" element={<CalendarSection />} />
          <Route path="*" element={<OrganizationsSection />} />
        </Routes>
      </Suspense>
    </>
  );
}
