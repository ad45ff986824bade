interface SortableHeaderProps<K extends string> {
  label: string;
  /** The column's sort key; a plain header when absent. */
  sortKey?: K;
  /** The table's current order. */
  sort: { key: K; order: 'asc' | 'desc' };
  /** A click on the header (the table decides the next order). */
  onSort: (key: K) => void;
  /** Numbers and actions line up at the end. */
  end?: boolean;
}

/** A column header that sorts the table when clicked and says how it is sorted (aria-sort, and an arrow). */
export function SortableHeader<K extends string>({ label, sortKey, sort, onSort, end = false }: SortableHeaderProps<K>) {
  const active = sortKey !== undefined && sort.key === sortKey;
  return (
    <th scope="col" className={end ? 'align-end' : undefined} aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined}>
      {sortKey === undefined ? (
        label
      ) : (
        <button type="button" className="sort-button" onClick={() => onSort(sortKey)}>
          {label}
          {active && <span aria-hidden="true">{sort.order === 'asc' ? ' ▲' : ' ▼'}</span>}
        </button>
      )}
    </th>
  );
}
