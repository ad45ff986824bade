import type { ComponentType } from 'react';
import { ProfileTab } from '../components/profile/ProfileTab';
import { SystemTab } from '../components/system/SystemTab';

/** One tab of the center panel. */
export interface TabDefinition {
  /** Stable id, stored in the 'ui.activeTab' setting (at most 40 characters). */
  id: string;
  label: string;
  component: ComponentType;
}

/**
 * The center panel's tabs, in display order. Each product tab (Chart, Options, Positions, Journal,
 * Alerts, Scanner, LEAPS & Macro, Profile) is added here when its feature lands; System stays last.
 */
export const TABS: readonly [TabDefinition, ...TabDefinition[]] = [
  { id: 'profile', label: 'Profile', component: ProfileTab },
  { id: 'system', label: 'System', component: SystemTab },
];

/** The tab shown before the user picks one (System, until the Chart tab lands and takes over). */
export const DEFAULT_TAB_ID = 'system';

/** The tab with this id, or the default tab when the id is unknown (a stored id from another version). */
export function resolveTab(id: string | undefined): TabDefinition {
  return TABS.find((tab) => tab.id === id) ?? TABS.find((tab) => tab.id === DEFAULT_TAB_ID) ?? TABS[0];
}

/** DOM ids tying each tab to its panel (aria-controls / aria-labelledby). */
export const tabDomId = (id: string): string => `tab-${id}`;
export const panelDomId = (id: string): string => `tabpanel-${id}`;
