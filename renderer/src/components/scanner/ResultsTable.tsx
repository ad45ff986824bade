import { useState } from 'react';
import type { ScanResult } from '../../../../shared/schemas/scanner';
import { DEFAULT_RESULT_SORT, nextSort, sortResults, type ResultSortKey } from '../../lib/scanner';
import { SortableHeader } from '../common/SortableHeader';
import { ResultRow } from './ResultRow';

const COLUMNS: { key?: ResultSortKey; label: string; end?: boolean }[] = [
  { key: 'symbol', label: 'Symbol' },
  { key: 'scan', label: 'Scan' },
  { key: 'score', label: 'Score', end: true },
  { label: 'Direction' },
  { label: 'Reason' },
  { label: 'Actions', end: true },
];

interface ResultsTableProps {
  results: readonly ScanResult[];
  /** What the table lists, for screen readers ("Scan results"). */
  caption: string;
  /** Findings to mark "new" (the schedules' finds not seen yet). */
  newIds?: ReadonlySet<string>;
  testId: string;
}

/** Scan results, sortable by symbol, scan or score (click a header); each row opens to the numbers behind it. */
export function ResultsTable({ results, caption, newIds, testId }: ResultsTableProps) {
  const [sort, setSort] = useState(DEFAULT_RESULT_SORT);
  return (
    <div className="table-scroll">
      <table className="data-table scan-results" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {COLUMNS.map((c) => (
              <SortableHeader key={c.label} label={c.label} sortKey={c.key} sort={sort} onSort={(key) => setSort(nextSort(sort, key))} end={c.end} />
            ))}
          </tr>
        </thead>
        {sortResults(results, sort).map((result) => (
          <ResultRow key={result.id} result={result} isNew={newIds?.has(result.id) ?? false} columns={COLUMNS.length} />
        ))}
      </table>
    </div>
  );
}
