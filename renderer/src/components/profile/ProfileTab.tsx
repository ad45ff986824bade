import { useApiEvent } from '../../hooks/use-api-event';
import { useCall } from '../../hooks/use-call';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';
import { ApiKeysCard } from './ApiKeysCard';
import { ProfileCard } from './ProfileCard';
import { ScreenshotLimitCard } from './ScreenshotLimitCard';
import { UsageCard } from './UsageCard';

/** Who the coach is talking to (profile, notifications), this month's usage, the screenshot limit, and the service keys. */
export function ProfileTab() {
  const profile = useCall('profile:get', {});
  useApiEvent('profile:changed', profile.replace, profile.data !== undefined);

  return (
    <div className="tab-content profile-tab">
      {profile.error && !profile.data && <ErrorNotice title="Could not load your profile" error={profile.error} onRetry={profile.reload} />}
      {!profile.data && !profile.error && <LoadingState label="Loading profile…" />}
      {profile.data && (
        <>
          <ProfileCard profile={profile.data} onSaved={profile.replace} />
          <UsageCard queries={profile.data.queriesUsedThisMonth} />
        </>
      )}
      <ScreenshotLimitCard />
      <ApiKeysCard />
    </div>
  );
}
