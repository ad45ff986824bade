import { z } from 'zod';

/** Error codes that cross the boundary, with the HTTP status each one maps to. */
export const ERROR_STATUS = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  rate_limited: 429,
  /** The caller stopped a streaming answer (nginx's "client closed request"); the partial answer is kept. */
  aborted: 499,
  internal: 500,
  /** The chat model failed or answered something unusable. */
  provider_error: 502,
  /** The chat model kept calling functions past the turn's bound. */
  too_many_rounds: 502,
  unavailable: 503,
  /** The chat model is not configured or cannot be reached. */
  provider_unavailable: 503,
  /** The chat model stayed silent too long. */
  timeout: 504,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERROR_STATUS, code);
}

export const IssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
  code: z.string(),
});
export type Issue = z.infer<typeof IssueSchema>;

export const ApiErrorBodySchema = z.object({
  code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
  message: z.string(),
  issues: z.array(IssueSchema).optional(),
  requestId: z.string().optional(),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;

/** The result of every call across a process boundary (IPC), after Signal Desktop's `{ok, value}`. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** An error with a code the transports know how to carry; anything else is reported as `internal`. */
export class CoachError extends Error {
  readonly code: ErrorCode;
  readonly issues?: Issue[];
  readonly requestId?: string;

  constructor(code: ErrorCode, message: string, extra: { issues?: Issue[]; requestId?: string } = {}) {
    super(message);
    this.name = 'CoachError';
    this.code = code;
    this.issues = extra.issues;
    this.requestId = extra.requestId;
  }

  static fromBody(body: ApiErrorBody): CoachError {
    return new CoachError(body.code, body.message, { issues: body.issues, requestId: body.requestId });
  }
}

/** zod issues in the plain shape we send to clients (paths only hold strings and numbers). */
export function toIssues(error: z.ZodError): Issue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
    message: issue.message,
    code: issue.code,
  }));
}

/** "value: Too small: expected number to be >=280" — one line per issue, for messages and logs. */
export function describeIssues(issues: Issue[]): string {
  return issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ');
}
