import type { Issue } from '../../../shared/errors';

export interface FieldErrors {
  /** The first message for each field, by its path ('displayName', 'notificationPrefs.emailAlerts'). */
  byField: Record<string, string>;
  /** Messages that belong to no field of the form (e.g. "Nothing to update"). */
  other: string[];
}

/**
 * Sorts zod issues (from the local check or from the main process) under the form's fields: an
 * issue goes to the longest field path that starts its own path, so `preferredSymbols.2` lands on
 * the symbols field.
 */
export function fieldErrors(issues: readonly Issue[], fields: readonly string[]): FieldErrors {
  const byField: Record<string, string> = {};
  const other: string[] = [];
  const sorted = [...fields].sort((a, b) => b.length - a.length);
  for (const issue of issues) {
    const path = issue.path.join('.');
    const field = sorted.find((f) => path === f || path.startsWith(`${f}.`));
    if (!field) other.push(issue.message);
    else byField[field] ??= issue.message;
  }
  return { byField, other };
}
