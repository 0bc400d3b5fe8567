import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { ApiError } from '../shared/api';
import { AppShell } from '../shared/AppShell';
import { ConsoleRoutes } from './ConsoleRoutes';
import './console.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2, refetchOnWindowFocus: false, staleTime: 5_000 },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppShell>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter basename="/console">
          <ConsoleRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </AppShell>
  </StrictMode>,
);
