import { ErrorBoundary as SentryErrorBoundary } from '@sentry/react';
import type { ReactNode } from 'react';
import { CrashNotice } from './CrashNotice';

interface ErrorBoundaryProps {
  /** Which part of the UI this guards ("app", "tools"), tagged on the report. */
  area: string;
  children: ReactNode;
  /** The root has nothing around it to fall back on: its way out is a reload. */
  reloadOnReset?: boolean;
}

/**
 * Catches render errors below it and shows what broke instead of a blank window. Sentry's boundary
 * reports them with React's component stack when monitoring is on (and does nothing more when off).
 */
export function ErrorBoundary({ area, children, reloadOnReset = false }: ErrorBoundaryProps) {
  return (
    <SentryErrorBoundary
      beforeCapture={(scope) => scope.setTag('area', area)}
      fallback={({ error, eventId, resetError }) => (
        <CrashNotice
          title={reloadOnReset ? 'TITM AI Coach hit an error' : 'This part of the app hit an error'}
          error={error}
          eventId={eventId || undefined}
          actionLabel={reloadOnReset ? 'Reload' : 'Try again'}
          onAction={reloadOnReset ? () => window.location.reload() : resetError}
        />
      )}
    >
      {children}
    </SentryErrorBoundary>
  );
}
