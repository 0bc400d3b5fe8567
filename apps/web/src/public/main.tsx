import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ConfirmPage } from './pages/ConfirmPage';
import { FilePage } from './pages/FilePage';
import { HomePage } from './pages/HomePage';
import { TrackPage } from './pages/TrackPage';
import './public.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter basename="/m">
      <main className="m-page">
        <Routes>
          <Route path="/" element={<HomePage />} />
          <Route path="/file" element={<FilePage />} />
          <Route path="/done" element={<ConfirmPage />} />
          <Route path="/track" element={<TrackPage />} />
          <Route path="*" element={<HomePage />} />
        </Routes>
      </main>
    </BrowserRouter>
  </StrictMode>,
);
