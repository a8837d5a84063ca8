import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import AppLayout from './components/AppLayout';
import Home from './pages/Home';

// The home page is in the main bundle (it is the landing page); the others load on demand.
const Units = lazy(() => import('./pages/Units'));
const Login = lazy(() => import('./pages/Login'));
const NotFound = lazy(() => import('./pages/NotFound'));

export default function App() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<Home />} />
        <Route path="units" element={<Units />} />
        <Route path="login" element={<Login />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
