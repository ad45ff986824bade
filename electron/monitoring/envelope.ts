import type { Scrubber } from '../../shared/scrub';

/**
 * Sentry envelopes (https://develop.sentry.dev/sdk/envelopes/): a JSON header line, then items,
 * each a JSON header line and a payload (`length` bytes when the header says so, else one line).
 * Everything that leaves the machine passes through here scrubbed; items that are not JSON
 * (attachments, replays) cannot be scrubbed and are dropped.
 */

type Headers = Record<string, unknown>;
/** The structured form the SDK's transports receive. */
export type StructuredEnvelope = [Headers, [Headers, unknown][]];

function scrubHeaders(headers: Headers, scrubber: Scrubber): Headers {
  // The header's `dsn` is only set for tunnels, and the forwarder knows the real DSN itself.
  const { dsn: _dsn, length: _length, ...rest } = headers;
  return scrubber.value(rest);
}

function isBinary(payload: unknown): boolean {
  return payload instanceof Uint8Array || ArrayBuffer.isView(payload) || payload instanceof ArrayBuffer;
}

/** Scrubs the envelope a transport is about to send; binary items are dropped. */
export function scrubStructuredEnvelope(envelope: StructuredEnvelope, scrubber: Scrubber): StructuredEnvelope {
  const [headers, items] = envelope;
  const kept = items
    .filter(([, payload]) => !isBinary(payload))
    .map(([itemHeaders, payload]): [Headers, unknown] => [scrubHeaders(itemHeaders, scrubber), typeof payload === 'string' ? scrubber.text(payload) : scrubber.value(payload)]);
  return [scrubHeaders(headers, scrubber), kept];
}

export class EnvelopeError extends Error {}

function parseJsonObject(bytes: Buffer, what: string): Headers {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw new EnvelopeError(`${what} is not JSON`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new EnvelopeError(`${what} is not a JSON object`);
  return value as Headers;
}

/** Parses the serialized envelope a browser SDK posts (the tunnel); throws EnvelopeError when malformed. */
export function parseEnvelope(raw: Buffer): { headers: Headers; items: { headers: Headers; payload: Buffer }[] } {
  let pos = 0;
  const readLine = (): Buffer => {
    const end = raw.indexOf(0x0a, pos);
    const line = raw.subarray(pos, end < 0 ? raw.length : end);
    pos = end < 0 ? raw.length : end + 1;
    return line;
  };
  const headers = parseJsonObject(readLine(), 'envelope header');
  const items: { headers: Headers; payload: Buffer }[] = [];
  while (pos < raw.length) {
    const line = readLine();
    if (!line.length) continue; // a trailing newline
    const itemHeaders = parseJsonObject(line, 'item header');
    let payload: Buffer;
    if (typeof itemHeaders.length === 'number') {
      const length = itemHeaders.length;
      if (!Number.isInteger(length) || length < 0 || pos + length > raw.length) throw new EnvelopeError('item length runs past the end');
      payload = raw.subarray(pos, pos + length);
      pos += length;
      if (raw[pos] === 0x0a) pos += 1;
    } else {
      payload = readLine();
    }
    items.push({ headers: itemHeaders, payload });
  }
  return { headers, items };
}

/** Parses, scrubs and serializes a posted envelope again; JSON items only. */
export function scrubEnvelopeBytes(raw: Buffer, scrubber: Scrubber): Buffer {
  const { headers, items } = parseEnvelope(raw);
  const lines = [JSON.stringify(scrubHeaders(headers, scrubber))];
  for (const item of items) {
    let payload: unknown;
    try {
      payload = JSON.parse(item.payload.toString('utf8'));
    } catch {
      continue; // not JSON: an attachment or a replay segment, which we cannot scrub
    }
    lines.push(JSON.stringify(scrubHeaders(item.headers, scrubber)), JSON.stringify(scrubber.value(payload)));
  }
  return Buffer.from(lines.join('\n') + '\n', 'utf8');
}
