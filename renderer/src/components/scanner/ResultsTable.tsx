import { useState } from 'react';
import type { ScanResult } from '../../../../shared/schemas/scanner';
import { DEFAULT_RESULT_SORT, nextSort, sortResults, type ResultSortKey } from '../../lib/scanner';
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
              <th key={c.label} scope="col" className={c.end ? 'align-end' : undefined} aria-sort={c.key && sort.key === c.key ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined}>
                {c.key ? (
                  <button type="button" className="sort-button" onClick={() => setSort(nextSort(sort, c.key!))}>
                    {c.label}
                    {sort.key === c.key && <span aria-hidden="true">{sort.order === 'asc' ? ' ▲' : ' ▼'}</span>}
                  </button>
                ) : (
                  c.label
                )}
              </th>
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
