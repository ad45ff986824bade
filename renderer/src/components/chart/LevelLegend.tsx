import { useState } from 'react';
import { GROUP_COLOR_COUNT, groupLevels, type PriceLevel } from './levels';

interface LevelLegendProps {
  levels: readonly PriceLevel[];
  hiddenGroups: ReadonlySet<string>;
  onToggleGroup: (group: string) => void;
  /** Said above the groups, e.g. why there is no VWAP; undefined entries are skipped. */
  notes?: readonly (string | undefined)[];
  /** Offered on a level clicked in the legend: "Alert at PDH 601.25". */
  onAlertAt?: (level: PriceLevel) => void;
}

const levelKey = (level: PriceLevel) => `${level.group}|${level.name}|${level.price}`;

/** Every level by group with its price and distance from the last price, and a switch per group (what the chart draws, in words). */
export function LevelLegend({ levels, hiddenGroups, onToggleGroup, notes = [], onAlertAt }: LevelLegendProps) {
  const [picked, setPicked] = useState<string>();
  const groups = groupLevels(levels);
  const names = groups.map(([group]) => group);
  if (!groups.length) return <p className="level-legend-empty">No levels to show.</p>;
  return (
    <>
      {notes.map((note) => note && <p key={note} className="level-note">{note}</p>)}
      <div className="level-legend" aria-label="Levels" role="group">
        {groups.map(([group, members]) => (
          <fieldset key={group} className="level-group">
            <legend>
              <label className="level-toggle">
                <input type="checkbox" checked={!hiddenGroups.has(group)} onChange={() => onToggleGroup(group)} />
                <span className={`level-swatch level-swatch-${names.indexOf(group) % GROUP_COLOR_COUNT}`} aria-hidden="true" />
                {group}
              </label>
            </legend>
            <ul>
              {members.map((level) => (
                <li key={`${level.name}-${level.price}`} className={hiddenGroups.has(group) ? 'level-hidden' : undefined}>
                  {onAlertAt ? (
                    <button type="button" className="link-button level-pick" aria-expanded={picked === levelKey(level)} onClick={() => setPicked((prev) => (prev === levelKey(level) ? undefined : levelKey(level)))}>
                      {level.name}
                    </button>
                  ) : (
                    <span>{level.name}</span>
                  )}{' '}
                  <span className="num">{level.price.toFixed(2)}</span>
                  {level.distance !== undefined && (
                    <span className="num level-distance" title="Points from the last price">
                      {' '}
                      {level.distance >= 0 ? '+' : ''}
                      {level.distance.toFixed(2)}
                    </span>
                  )}
                  {onAlertAt && picked === levelKey(level) && (
                    <button type="button" className="button level-alert-button" onClick={() => onAlertAt(level)}>
                      Alert at {level.name} {level.price.toFixed(2)}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </fieldset>
        ))}
      </div>
    </>
  );
}
