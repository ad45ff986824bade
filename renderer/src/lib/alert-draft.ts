import {
  DEFAULT_COOLDOWN_SECONDS,
  isPctCondition,
  type Alert,
  type AlertCondition,
  type AlertCreate,
  type AlertUpdate,
  type TriggerMode,
} from '../../../shared/schemas/alerts';
import type { Issue } from '../../../shared/errors';
import { fromNewYorkInput, toNewYorkInput } from './new-york-time';

/** What a fixed-price or crossing alert watches: a price the user types, or a key level by name. */
export type TargetKind = 'price' | 'level';

/** The alert form's values as its inputs hold them (text, so a wrong entry can be named by zod). */
export interface AlertDraft {
  symbol: string;
  condition: AlertCondition;
  targetKind: TargetKind;
  targetPrice: string;
  level: string;
  percent: string;
  referencePrice: string;
  triggerMode: TriggerMode;
  /** The re-arm cooldown of an every-time alert, in minutes (the contract counts seconds). */
  cooldownMinutes: string;
  /** New York wall time of a datetime-local input; empty for no expiry. */
  expiresAt: string;
  note: string;
}

/** What another tab hands the form: e.g. the chart's "Alert at PDH 601.25". */
export interface AlertPrefill {
  symbol: string;
  condition: AlertCondition;
  targetPrice: number;
  note?: string;
}

/** The form's fields, by the contract's names (so zod issues land on them). */
export const ALERT_FORM_FIELDS = ['symbol', 'condition', 'targetPrice', 'level', 'percent', 'referencePrice', 'triggerMode', 'cooldownSeconds', 'expiresAt', 'note'] as const;

const text = (value: number | string | null | undefined): string => (value === null || value === undefined ? '' : String(value));

export function emptyDraft(prefill?: AlertPrefill): AlertDraft {
  return {
    symbol: prefill?.symbol ?? '',
    condition: prefill?.condition ?? 'crosses',
    targetKind: 'price',
    targetPrice: text(prefill?.targetPrice),
    level: '',
    percent: '',
    referencePrice: '',
    triggerMode: 'once',
    cooldownMinutes: text(DEFAULT_COOLDOWN_SECONDS / 60),
    expiresAt: '',
    note: prefill?.note ?? '',
  };
}

/** A stored alert as the form shows it for editing. A key-level alert's resolved price is not its target. */
export function draftFromAlert(alert: Alert): AlertDraft {
  const pct = isPctCondition(alert.condition);
  return {
    symbol: alert.symbol,
    condition: alert.condition,
    targetKind: alert.level ? 'level' : 'price',
    targetPrice: alert.level || pct ? '' : text(alert.targetPrice),
    level: alert.level ?? '',
    percent: text(alert.percent),
    referencePrice: text(alert.referencePrice),
    triggerMode: alert.triggerMode,
    cooldownMinutes: text(alert.cooldownSeconds / 60),
    expiresAt: alert.expiresAt ? toNewYorkInput(alert.expiresAt) : '',
    note: alert.note ?? '',
  };
}

/** A number typed in a box: blank is null; what is not a number goes on as text so zod names the field. */
function numberOrText(value: string): number | string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : trimmed;
}

/** Problems the contract cannot word in the form's terms: the cooldown is typed in minutes. */
export function draftIssues(draft: AlertDraft): Issue[] {
  if (draft.triggerMode === 'every_time' && typeof numberOrText(draft.cooldownMinutes) !== 'number') {
    return [{ path: ['cooldownSeconds'], message: 'Cooldown must be a number of minutes, e.g. 15', code: 'custom' }];
  }
  return [];
}

/**
 * The draft as `alerts:create` input: only the fields that belong to the condition (a percent move
 * has a percent and a reference price; the others a target price or a key level).
 */
export function createInput(draft: AlertDraft): AlertCreate {
  const pct = isPctCondition(draft.condition);
  const minutes = numberOrText(draft.cooldownMinutes);
  const input = {
    symbol: draft.symbol,
    condition: draft.condition,
    targetPrice: pct || draft.targetKind === 'level' ? null : numberOrText(draft.targetPrice),
    level: !pct && draft.targetKind === 'level' ? draft.level.trim() || null : null,
    percent: pct ? numberOrText(draft.percent) : null,
    referencePrice: pct ? numberOrText(draft.referencePrice) : null,
    triggerMode: draft.triggerMode,
    // Only an every-time alert has a cooldown; a once alert keeps the default.
    ...(draft.triggerMode === 'every_time' && typeof minutes === 'number' && { cooldownSeconds: Math.round(minutes * 60) }),
    // The input holds New York wall time; what is not a time goes on as text so zod names the field.
    expiresAt: draft.expiresAt ? (fromNewYorkInput(draft.expiresAt) ?? draft.expiresAt) : null,
    note: draft.note.trim() || null,
  };
  // Wrong entries travel as text on purpose (see numberOrText): zod refuses them with the field's message.
  return input as AlertCreate;
}

const WATCH_FIELDS = ['condition', 'targetPrice', 'level', 'percent', 'referencePrice'] as const;

/**
 * Only what the edit changes, so an untouched alert keeps its crossing baseline. What it watches
 * (condition, target, level, percent, reference) goes as a whole when any part changed, so the
 * main process checks the new combination; undefined when nothing changed.
 */
export function updateInput(alert: Alert, draft: AlertDraft): AlertUpdate | undefined {
  const next = createInput(draft);
  const before = createInput(draftFromAlert(alert));
  const patch: Record<string, unknown> = {};
  if (WATCH_FIELDS.some((key) => next[key] !== before[key])) for (const key of WATCH_FIELDS) patch[key] = next[key];
  for (const key of ['symbol', 'triggerMode', 'expiresAt', 'note'] as const) if (next[key] !== before[key]) patch[key] = next[key];
  if (next.triggerMode === 'every_time' && next.cooldownSeconds !== undefined && next.cooldownSeconds !== alert.cooldownSeconds) patch.cooldownSeconds = next.cooldownSeconds;
  return Object.keys(patch).length ? ({ id: alert.id, ...patch } as AlertUpdate) : undefined;
}
