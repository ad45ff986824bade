import { AppInfoCard } from './AppInfoCard';
import { HealthCard } from './HealthCard';
import { MonitoringCard } from './MonitoringCard';

/** What the app is and whether each part of it works: the first stop when something is off. */
export function SystemTab() {
  return (
    <div className="tab-content system-tab">
      <HealthCard />
      <AppInfoCard />
      <MonitoringCard />
    </div>
  );
}
