import type { ComponentType } from 'react';
import { AlertsTab } from '../components/alerts/AlertsTab';
import { ChartTab } from '../components/chart/ChartTab';
import { ProfileTab } from '../components/profile/ProfileTab';
import { JournalTab } from '../components/journal/JournalTab';
import { LeapsMacroTab } from '../components/leaps/LeapsMacroTab';
import { OptionsTab } from '../components/options/OptionsTab';
import { PositionsTab } from '../components/positions/PositionsTab';
import { ScannerTab } from '../components/scanner/ScannerTab';
import { SystemTab } from '../components/system/SystemTab';
import { ALERTS_TAB_ID, SCANNER_TAB_ID } from '../state/workspace-nav-context';

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
  { id: 'chart', label: 'Chart', component: ChartTab },
  { id: 'options', label: 'Options', component: OptionsTab },
  { id: 'positions', label: 'Positions', component: PositionsTab },
  { id: 'journal', label: 'Journal', component: JournalTab },
  { id: ALERTS_TAB_ID, label: 'Alerts', component: AlertsTab },
  { id: SCANNER_TAB_ID, label: 'Scanner', component: ScannerTab },
  { id: 'leaps', label: 'LEAPS & Macro', component: LeapsMacroTab },
  { id: 'profile', label: 'Profile', component: ProfileTab },
  { id: 'system', label: 'System', component: SystemTab },
];

/** The tab with this id, or the first tab (Chart) when the id is unknown (a stored id from another version). */
export function resolveTab(id: string | undefined): TabDefinition {
  return TABS.find((tab) => tab.id === id) ?? TABS[0];
}

/** DOM ids tying each tab to its panel (aria-controls / aria-labelledby). */
export const tabDomId = (id: string): string => `tab-${id}`;
export const panelDomId = (id: string): string => `tabpanel-${id}`;
