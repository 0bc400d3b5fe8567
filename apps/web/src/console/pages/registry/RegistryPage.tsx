import { Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';

// Each page is its own chunk: the list is what most open; the form and its date pickers load when asked for.
const RegistryListPage = lazy(() => import('./RegistryListPage'));
const RegistryEntryPage = lazy(() => import('./RegistryEntryPage'));
const RegistryFormPage = lazy(() => import('./RegistryFormPage'));

/** 登记管理 (/registry/…): the list, an entry, and the form to create or change one. */
export default function RegistryPage() {
  return (
    <Suspense fallback={<Spin />}>
      <Routes>
        <Route index element={<RegistryListPage />} />
        <Route path="new" element={<RegistryFormPage />} />
        <Route path=":id" element={<RegistryEntryPage />} />
        <Route path=":id/edit" element={<RegistryFormPage />} />
      </Routes>
    </Suspense>
  );
}
