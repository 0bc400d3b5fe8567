import { Spin, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';

// Each section is its own chunk: the administrator opens one at a time.
const OrganizationsSection = lazy(() => import('./OrganizationsSection'));
const UsersSection = lazy(() => import('./UsersSection'));
const SlaSection = lazy(() => import('./SlaSection'));
const CalendarSection = lazy(() => import('./CalendarSection'));

/** 系统管理: organizations, users, SLA policy versions, calendar overrides. What the API would refuse is not offered. */
export default function AdminPage() {
  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        系统管理
      </Typography.Title>
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
