import './zodConfig';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { softphone } from './api/softphoneClient';
import { startEventPump } from './state/liveStore';
import { App } from './app/App';
import './styles.css';

startEventPump((listener) => softphone.onEvent(listener));

// Vendor requests are never retried from the UI: a retried dial could place a second call.
const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  );
}
