import { useId, useState } from 'react';
import type { ScanResult } from '../../../../shared/schemas/scanner';
import { useCoachApi } from '../../api/api-context';
import { toCoachError } from '../../hooks/use-call';
import { useWorkspaceNav } from '../../hooks/use-workspace-nav';
import { alertFromResult, coachPromptFor } from '../../lib/scanner';
import { DirectionTag } from './DirectionTag';
import { ResultMetrics } from './ResultMetrics';
import { SetAlertNote, type SetAlertState } from './SetAlertNote';

interface ResultRowProps {
  result: ScanResult;
  isNew: boolean;
  /** How many columns the table has (the details row spans them all). */
  columns: number;
}

/** One finding: symbol, scan, score, direction and reason; its numbers open below; set the suggested alert or ask the coach. */
export function ResultRow({ result, isNew, columns }: ResultRowProps) {
  const api = useCoachApi();
  const nav = useWorkspaceNav();
  const [open, setOpen] = useState(false);
  const [alertState, setAlertState] = useState<SetAlertState>();
  const detailsId = useId();
  const alertInput = alertFromResult(result);
  const name = `${result.symbol} ${result.scanName}`;

  const setAlert = () => {
    if (!alertInput) return;
    setAlertState({ status: 'saving' });
    api.call('alerts:create', alertInput).then(
      (alert) => setAlertState({ status: 'set', alert }),
      (error: unknown) => setAlertState({ status: 'failed', error: toCoachError(error) }),
    );
  };

  return (
    <tbody className={isNew ? 'scan-result scan-result-new' : 'scan-result'} data-testid="scan-result" data-symbol={result.symbol} data-scan={result.scan}>
      <tr>
        <td className="scan-symbol">
          {result.symbol}
          {isNew && <span className="tag tag-small scan-new-tag">new</span>}
        </td>
        <td className="scan-name">{result.scanName}</td>
        <td className="num align-end">
          <span className="scan-score" data-testid="scan-score">
            {Math.round(result.score)}
          </span>
        </td>
        <td>
          <DirectionTag direction={result.direction} />
        </td>
        <td className="scan-reason">{result.reason}</td>
        <td className="align-end">
          <div className="row-actions">
            <button type="button" className="link-button" aria-expanded={open} aria-controls={detailsId} aria-label={`Numbers of ${name}`} onClick={() => setOpen(!open)}>
              {open ? 'Hide numbers' : 'Numbers'}
            </button>
            {alertInput && (
              <button type="button" className="link-button" disabled={alertState?.status === 'saving' || alertState?.status === 'set'} aria-label={`Set alert: ${result.suggestion.text}`} title={result.suggestion.text} onClick={setAlert}>
                {alertState?.status === 'saving' ? 'Setting…' : 'Set alert'}
              </button>
            )}
            <button type="button" className="link-button" aria-label={`Ask the coach about ${name}`} onClick={() => nav.askCoach(coachPromptFor(result))}>
              Ask the coach
            </button>
          </div>
        </td>
      </tr>
      {alertInput && (alertState?.status === 'set' || alertState?.status === 'failed') && (
        <tr className="scan-result-note">
          <td colSpan={columns}>
            <SetAlertNote state={alertState} input={alertInput} onDismiss={() => setAlertState(undefined)} />
          </td>
        </tr>
      )}
      <tr id={detailsId} className="scan-details" hidden={!open}>
        <td colSpan={columns}>{open && <ResultMetrics result={result} />}</td>
      </tr>
    </tbody>
  );
}
