import { useState } from 'react';
import type { CoachError } from '../../../../shared/errors';
import { useCoachApi } from '../../api/api-context';
import { toCoachError } from '../../hooks/use-call';
import { ErrorNotice } from '../common/ErrorNotice';
import { RenderCrash } from './RenderCrash';

/**
 * Outside production builds: raise an error in the renderer (a render crash the tab's error boundary
 * catches) or in the main process (a call that throws), to see the reports arrive.
 */
export function MonitoringTestTools() {
  const api = useCoachApi();
  const [crash, setCrash] = useState(false);
  const [mainError, setMainError] = useState<CoachError>();
  const [busy, setBusy] = useState(false);

  const raiseInMain = () => {
    setBusy(true);
    api
      .call('monitoring:test-error', {})
      .catch((error: unknown) => setMainError(toCoachError(error)))
      .finally(() => setBusy(false));
  };

  return (
    <div className="test-tools">
      <span className="test-tools-actions">
        <button type="button" className="button" onClick={() => setCrash(true)}>
          Raise a renderer error
        </button>
        <button type="button" className="button" onClick={raiseInMain} disabled={busy}>
          Raise a main-process error
        </button>
      </span>
      {mainError && <ErrorNotice title="Main-process test error raised" error={mainError} compact />}
      {crash && <RenderCrash />}
    </div>
  );
}
