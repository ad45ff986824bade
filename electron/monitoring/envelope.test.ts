import { describe, expect, it } from 'vitest';
import { createScrubber, REDACTED } from '../../shared/scrub';
import { EnvelopeError, parseEnvelope, scrubEnvelopeBytes, scrubStructuredEnvelope, type StructuredEnvelope } from './envelope';

const TOKEN = 'the-api-token-0123456789';
const scrubber = createScrubber([TOKEN]);

describe('scrubEnvelopeBytes', () => {
  it('scrubs each JSON item, drops binary attachments and the header dsn, and stays parseable', () => {
    const event = JSON.stringify({ event_id: 'e1', message: `Bearer ${TOKEN}`, request: { headers: { authorization: `Bearer ${TOKEN}` } } });
    const attachment = Buffer.from([0xff, 0x00, 0x0a, 0x41]);
    const raw = Buffer.concat([
      Buffer.from(`${JSON.stringify({ event_id: 'e1', dsn: 'http://pk@localhost/0' })}\n`),
      Buffer.from(`${JSON.stringify({ type: 'event', length: Buffer.byteLength(event) })}\n${event}\n`),
      Buffer.from(`${JSON.stringify({ type: 'attachment', length: attachment.length, filename: 'a.bin' })}\n`),
      attachment,
      Buffer.from(`\n${JSON.stringify({ type: 'session' })}\n${JSON.stringify({ sid: 's1', status: 'ok' })}\n`),
    ]);
    const out = scrubEnvelopeBytes(raw, scrubber);
    expect(out.toString()).not.toContain(TOKEN);
    const parsed = parseEnvelope(out);
    expect(parsed.headers).toEqual({ event_id: 'e1' });
    expect(parsed.items.map((i) => i.headers.type)).toEqual(['event', 'session']);
    expect(JSON.parse(parsed.items[0]!.payload.toString())).toEqual({ event_id: 'e1', message: `Bearer ${REDACTED}`, request: { headers: { authorization: REDACTED } } });
  });

  it('refuses what is not an envelope', () => {
    expect(() => scrubEnvelopeBytes(Buffer.from('hello'), scrubber)).toThrow(EnvelopeError);
    expect(() => scrubEnvelopeBytes(Buffer.from('{}\n{"type":"event","length":500}\n{}'), scrubber)).toThrow(/past the end/);
  });
});

describe('scrubStructuredEnvelope', () => {
  it('scrubs headers and payloads, and drops binary payloads', () => {
    const envelope: StructuredEnvelope = [
      { event_id: 'e2', trace: { public_key: TOKEN } },
      [
        [{ type: 'event' }, { message: `token ${TOKEN}` }],
        [{ type: 'attachment' }, new Uint8Array([1, 2])],
        [{ type: 'client_report' }, `{"note":"${TOKEN}"}`],
      ],
    ];
    expect(scrubStructuredEnvelope(envelope, scrubber)).toEqual([
      { event_id: 'e2', trace: { public_key: REDACTED } },
      [
        [{ type: 'event' }, { message: `token ${REDACTED}` }],
        [{ type: 'client_report' }, `{"note":"${REDACTED}"}`],
      ],
    ]);
  });
});
