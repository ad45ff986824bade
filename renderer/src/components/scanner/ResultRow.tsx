import { useId, useState } from 'react';
import type { ScanResult } from '../../../../shared/schemas/scanner';
import { useSuggestedAlert } from '../../hooks/use-suggested-alert';
import { useWorkspaceNav } from '../../hooks/use-workspace-nav';
import { coachPromptFor } from '../../lib/scanner';
import { DirectionTag } from './DirectionTag';
import { ResultMetrics } from './ResultMetrics';
import { SetAlertButton } from './SetAlertButton';
import { SetAlertNoteRow } from './SetAlertNoteRow';

interface ResultRowProps {
  result: ScanResult;
  isNew: boolean;
  /** How many columns the table has (the details row spans them all). */
  columns: number;
}

/** One finding: symbol, scan, score, direction and reason; its numbers open below; set the suggested alert or ask the coach. */
export function ResultRow({ result, isNew, columns }: ResultRowProps) {
  const nav = useWorkspaceNav();
  const [open, setOpen] = useState(false);
  const alert = useSuggestedAlert(result);
  const detailsId = useId();
  const name = `${result.symbol} ${result.scanName}`;

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
            {alert.input && <SetAlertButton alert={alert} suggestion={result.suggestion.text} />}
            <button type="button" className="link-button" aria-label={`Ask the coach about ${name}`} onClick={() => nav.askCoach(coachPromptFor(result))}>
              Ask the coach
            </button>
          </div>
        </td>
      </tr>
      <SetAlertNoteRow alert={alert} columns={columns} />
      <tr id={detailsId} className="scan-details" hidden={!open}>
        <td colSpan={columns}>{open && <ResultMetrics result={result} />}</td>
      </tr>
    </tbody>
  );
}
