import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { Spin } from 'antd';
import { currentSession, onSessionExpired } from '../shared/api';
import { ConsoleLayout } from './ConsoleLayout';
import { InboxPage } from './pages/inbox/InboxPage';
import { LoginPage } from './pages/login/LoginPage';

// Pages a role may never open load on demand, so the first load stays small.
const CaseDetailPage = lazy(() => import('./pages/case-detail/CaseDetailPage').then((m) => ({ default: m.CaseDetailPage })));
const DashboardPage = lazy(() => import('./pages/dashboard/DashboardPage'));
const ReviewQueuePage = lazy(() => import('./pages/review-queue/ReviewQueuePage'));
const ReferralsPage = lazy(() => import('./pages/referrals/ReferralsPage'));
const SpotCheckPage = lazy(() => import('./pages/spot-check/SpotCheckPage'));
const AdminPage = lazy(() => import('./pages/admin/AdminPage'));
const StatisticsPage = lazy(() => import('./pages/statistics/StatisticsPage'));
const CircularsPage = lazy(() => import('./pages/circulars/CircularsPage'));
const RegistryPage = lazy(() => import('./pages/registry/RegistryPage'));
const MonitoringPage = lazy(() => import('./pages/registry/MonitoringPage'));
const ScoreWeightsPage = lazy(() => import('./pages/registry/ScoreWeightsPage'));
const CampaignsPage = lazy(() => import('./pages/campaigns/CampaignsPage'));
const CampaignCreatePage = lazy(() => import('./pages/campaigns/CampaignCreatePage'));
const CampaignPage = lazy(() => import('./pages/campaigns/CampaignPage'));
const CampaignItemPage = lazy(() => import('./pages/campaigns/ItemPage'));
const MyItemsPage = lazy(() => import('./pages/campaigns/MyItemsPage'));

function RequireSession({ children }: { children: ReactNode }) {
  const location = useLocation();
  if (!currentSession()) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

export function ConsoleRoutes() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  useEffect(() => {
    // An expired or revoked token: back to the login page, remembering where the user was.
    onSessionExpired(() => {
      queryClient.clear();
      // Several requests fail at once: the first one decides where to come back to.
      if (window.location.pathname.startsWith('/console/login')) return;
      void navigate('/login', { replace: true, state: { from: window.location.pathname.replace(/^\/console/, '') + window.location.search, expired: true } });
    });
  }, [navigate, queryClient]);
  const page = (node: ReactNode) => (
    <RequireSession>
      <ConsoleLayout>
        <Suspense fallback={<Spin />}>{node}</Suspense>
      </ConsoleLayout>
    </RequireSession>
  );
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/" element={page(<InboxPage />)} />
      <Route path="/cases/:caseId" element={page(<CaseDetailPage />)} />
      <Route path="/dashboard" element={page(<DashboardPage />)} />
      <Route path="/review-queue" element={page(<ReviewQueuePage />)} />
      <Route path="/referrals" element={page(<ReferralsPage />)} />
      <Route path="/spot-check" element={page(<SpotCheckPage />)} />
      <Route path="/statistics" element={page(<StatisticsPage />)} />
      <Route path="/circulars" element={page(<CircularsPage />)} />
      <Route path="/registry/*" element={page(<RegistryPage />)} />
      <Route path="/monitoring" element={page(<MonitoringPage />)} />
      <Route path="/monitoring/weights" element={page(<ScoreWeightsPage />)} />
      <Route path="/campaigns" element={page(<CampaignsPage />)} />
      <Route path="/campaigns/new" element={page(<CampaignCreatePage />)} />
      <Route path="/campaigns/:campaignId" element={page(<CampaignPage />)} />
      <Route path="/campaigns/:campaignId/items/:itemNo" element={page(<CampaignItemPage />)} />
      <Route path="/my-checks" element={page(<MyItemsPage />)} />
      <Route path="/admin/*" element={page(<AdminPage />)} />
      <Route path="*" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
