import { useRef, type KeyboardEvent } from 'react';
import { panelDomId, tabDomId, type TabDefinition } from '../../tabs/registry';

/** A count on a tab: the Alerts tab's unread notifications, the Scanner tab's new finds. */
export interface TabBadge {
  count: number;
  /** What the count counts, for screen readers: "(3 unread)", "(2 new)". */
  what: string;
  /** 'warn' (amber) asks for attention; 'info' (accent) tells something arrived. */
  tone: 'warn' | 'info';
}

interface TabBarProps {
  tabs: readonly TabDefinition[];
  activeId: string;
  onSelect: (id: string) => void;
  /** A count shown on a tab, by tab id; none when 0. */
  badges?: Readonly<Partial<Record<string, TabBadge>>>;
}

/** WAI-ARIA tabs with automatic activation: arrows, Home and End move between tabs. */
export function TabBar({ tabs, activeId, onSelect, badges = {} }: TabBarProps) {
  const listRef = useRef<HTMLDivElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.id === activeId);
    const last = tabs.length - 1;
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = tabs[(next + tabs.length) % tabs.length];
    if (!target) return;
    onSelect(target.id);
    listRef.current?.querySelector<HTMLElement>(`#${tabDomId(target.id)}`)?.focus();
  };

  return (
    <div ref={listRef} role="tablist" aria-label="Tool tabs" className="tab-bar" onKeyDown={onKeyDown}>
      {tabs.map((tab) => {
        const selected = tab.id === activeId;
        const badge = badges[tab.id];
        return (
          <button
            key={tab.id}
            id={tabDomId(tab.id)}
            type="button"
            role="tab"
            aria-selected={selected}
            aria-controls={panelDomId(tab.id)}
            tabIndex={selected ? 0 : -1}
            className="tab"
            onClick={() => onSelect(tab.id)}
          >
            {tab.label}
            {badge && badge.count > 0 && (
              <>
                <span className={`count-badge count-badge-${badge.tone} tab-badge`} data-testid={`tab-badge-${tab.id}`} aria-hidden="true">
                  {badge.count > 99 ? '99+' : badge.count}
                </span>
                <span className="visually-hidden">
                  ({badge.count} {badge.what})
                </span>
              </>
            )}
          </button>
        );
      })}
    </div>
  );
}
