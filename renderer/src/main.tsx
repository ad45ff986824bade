import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/api-context';
import { createCoachApi, takeTokenFromLocation } from './api/create-api';
import { App } from './components/App';
import { ErrorBoundary } from './components/common/ErrorBoundary';
import { startRendererMonitoring } from './monitoring/start-monitoring';
import './styles.css';

const token = window.coach ? undefined : takeTokenFromLocation();
const api = createCoachApi(window, token);
// Not awaited: the UI does not wait for monitoring; errors of the first moments are logged only.
void startRendererMonitoring(api, token);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary area="app" reloadOnReset>
      <ApiProvider api={api}>
        <App />
      </ApiProvider>
    </ErrorBoundary>
  </StrictMode>,
);
