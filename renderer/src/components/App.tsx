import { useSettings } from '../hooks/use-settings';
import { Shell } from './layout/Shell';
import { StartupScreen } from './layout/StartupScreen';
import { AppStatusProvider } from './providers/AppStatusProvider';

/**
 * Loads the settings first: the layout depends on them (panel width, active tab), and the first
 * call is what proves the page may talk to the app at all.
 */
export function App() {
  const settings = useSettings();
  if (!settings.settings) return <StartupScreen error={settings.loading ? undefined : settings.error} onRetry={settings.reload} />;
  return (
    <AppStatusProvider>
      <Shell settings={settings} />
    </AppStatusProvider>
  );
}
