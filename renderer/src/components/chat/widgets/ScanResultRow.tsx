import type { WidgetData } from '../../../../../shared/schemas/chat-widgets';
import { useSuggestedAlert } from '../../../hooks/use-suggested-alert';
import { formatNumber } from '../../../lib/journal';
import { DirectionTag } from '../../scanner/DirectionTag';
import { SetAlertButton } from '../../scanner/SetAlertButton';
import { SetAlertNoteRow } from '../../scanner/SetAlertNoteRow';

/** Columns of the card's table (the reason and the alert note span them all). */
export const SCAN_CARD_COLUMNS = 4;

type Row = WidgetData<'scan_results'>['rows'][number];

/** One finding on the chat's scan card: symbol, scan, score and direction, then the reason with its suggested alert in one click. */
export function ScanResultRow({ row }: { row: Row }) {
  const alert = useSuggestedAlert(row);
  return (
    <tbody className="scan-result" data-testid="chat-scan-row" data-symbol={row.symbol} data-scan={row.scan}>
      <tr>
        <th scope="row" className="scan-symbol">
          {row.symbol}
        </th>
        <td>{row.scanName}</td>
        <td className="num align-end">
          <span className="scan-score">{formatNumber(row.score, 1)}</span>
        </td>
        <td>
          <DirectionTag direction={row.direction} />
        </td>
      </tr>
      <tr className="chat-scan-reason">
        <td colSpan={SCAN_CARD_COLUMNS}>
          <div className="chat-scan-detail">
            <span>{row.reason}</span>
            {alert.input && <SetAlertButton alert={alert} suggestion={row.suggestion.text} />}
          </div>
        </td>
      </tr>
      <SetAlertNoteRow alert={alert} columns={SCAN_CARD_COLUMNS} />
    </tbody>
  );
}
