/** The parts of a Sentry DSN (`https://<publicKey>@<host>[/<path>]/<projectId>`) the app needs. */
export interface ParsedDsn {
  publicKey: string;
  projectId: string;
  /** Where envelopes go: `<origin><path>/api/<projectId>/envelope/` with the key in the query. */
  envelopeUrl: string;
}

/** Parses a DSN; undefined when it is not one. */
export function parseDsn(dsn: string): ParsedDsn | undefined {
  let url: URL;
  try {
    url = new URL(dsn);
  } catch {
    return undefined;
  }
  const match = /^(.*)\/(\d+)\/?$/.exec(url.pathname);
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !url.username || !match) return undefined;
  const publicKey = decodeURIComponent(url.username);
  const projectId = match[2]!;
  return {
    publicKey,
    projectId,
    envelopeUrl: `${url.origin}${match[1]}/api/${projectId}/envelope/?sentry_key=${encodeURIComponent(publicKey)}&sentry_version=7`,
  };
}
