import type { ScanDefinition, ScanId } from '../../../../shared/schemas/scanner';
import { groupScans, SCAN_KIND_LABELS } from '../../lib/scanner';

interface ScanChecklistProps {
  /** Prefix of the ids of the checkboxes (two checklists may be on screen: the run and a schedule form). */
  id: string;
  scans: readonly ScanDefinition[];
  selected: readonly ScanId[];
  onChange: (selected: ScanId[]) => void;
  error?: string;
}

/** The catalog's scans as checkboxes, grouped technical / options, each group with "All" and "None". */
export function ScanChecklist({ id, scans, selected, onChange, error }: ScanChecklistProps) {
  // Kept in catalog order whatever order they were ticked in.
  const set = (ids: ReadonlySet<ScanId>) => onChange(scans.filter((s) => ids.has(s.id)).map((s) => s.id));
  const toggle = (scan: ScanId, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(scan);
    else next.delete(scan);
    set(next);
  };
  const setGroup = (group: readonly ScanDefinition[], on: boolean) => {
    const next = new Set(selected);
    for (const scan of group) {
      if (on) next.add(scan.id);
      else next.delete(scan.id);
    }
    set(next);
  };

  return (
    <div className="scan-checklist" aria-describedby={error ? `${id}-error` : undefined}>
      {groupScans(scans).map((group) => {
        const label = `${SCAN_KIND_LABELS[group.kind]} scans`;
        return (
          <fieldset key={group.kind} className="fieldset scan-group">
            <legend>{label}</legend>
            <div className="scan-group-actions">
              <button type="button" className="link-button" aria-label={`Select all ${label.toLowerCase()}`} onClick={() => setGroup(group.scans, true)}>
                All
              </button>
              <button type="button" className="link-button" aria-label={`Clear ${label.toLowerCase()}`} onClick={() => setGroup(group.scans, false)}>
                None
              </button>
            </div>
            {group.scans.map((scan) => (
              <label key={scan.id} className="checkbox-row scan-option" title={scan.description}>
                <input type="checkbox" id={`${id}-${scan.id}`} checked={selected.includes(scan.id)} onChange={(ev) => toggle(scan.id, ev.target.checked)} />
                <span>{scan.name}</span>
              </label>
            ))}
          </fieldset>
        );
      })}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
