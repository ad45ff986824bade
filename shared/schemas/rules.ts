import type { z } from 'zod';

/** A rule across fields that a value breaks: the field it is reported on, and why. */
export type RuleIssue = { path: string[]; message: string };

/**
 * `schema` that also checks rules across its fields (the same function the service runs on a
 * merged update and the renderer's form runs as the user types), reported like zod's own issues.
 */
export function withRules<T extends z.ZodType>(schema: T, rules: (value: z.output<T>) => RuleIssue[]) {
  return schema.superRefine((value, ctx) => {
    for (const issue of rules(value)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
  });
}
