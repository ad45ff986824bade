import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiProvider } from './api/api-context';
import { createCoachApi } from './api/create-api';
import { App } from './components/App';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider api={createCoachApi()}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
