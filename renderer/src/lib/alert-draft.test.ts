import { describe, expect, it } from 'vitest';
import { AlertCreateSchema, type Alert } from '../../../shared/schemas/alerts';
import { toIssues } from '../../../shared/errors';
import { ALERT_FORM_FIELDS, createInput, draftFromAlert, draftIssues, emptyDraft, updateInput } from './alert-draft';
import { fieldErrors } from './field-errors';

const stored: Alert = {
  id: 'a-1', userId: 'u-1', symbol: 'SPY', condition: 'crosses_above', targetPrice: 601.25, level: null, levelDate: null, percent: null, referencePrice: null,
  triggerMode: 'every_time', cooldownSeconds: 600, expiresAt: '2026-12-24T21:00:00.000Z', note: 'breakout', status: 'active', triggeredAt: null, triggerPrice: null,
  triggerCount: 0, rearmAt: null, lastPrice: 600.5, lastPriceAt: '2026-12-01T15:00:00.000Z', createdAt: '2026-12-01T14:00:00.000Z', updatedAt: '2026-12-01T14:00:00.000Z',
};

/** The form's errors by field, as the form shows them. */
function formErrors(input: unknown) {
  const checked = AlertCreateSchema.safeParse(input);
  return checked.success ? {} : fieldErrors(toIssues(checked.error), ALERT_FORM_FIELDS).byField;
}

describe('alert form draft', () => {
  it("the chart's prefill becomes a valid crossing alert", () => {
    const input = createInput(emptyDraft({ symbol: 'SPY', condition: 'crosses', targetPrice: 601.25, note: 'At PDH' }));
    expect(input).toEqual({ symbol: 'SPY', condition: 'crosses', targetPrice: 601.25, level: null, percent: null, referencePrice: null, triggerMode: 'once', expiresAt: null, note: 'At PDH' });
    expect(formErrors(input)).toEqual({});
  });

  it('sends only the fields of the condition: a percent move drops the target, a key level the price', () => {
    const pct = createInput({ ...emptyDraft(), symbol: 'qqq', condition: 'pct_move_down', targetPrice: '500', percent: '2.5', referencePrice: '' });
    expect(pct).toMatchObject({ condition: 'pct_move_down', targetPrice: null, level: null, percent: 2.5, referencePrice: null });
    const level = createInput({ ...emptyDraft(), symbol: 'SPX', condition: 'crosses', targetKind: 'level', targetPrice: '6000', level: 'PDH' });
    expect(level).toMatchObject({ targetPrice: null, level: 'PDH', percent: null });
    expect(formErrors(pct)).toEqual({});
    expect(formErrors(level)).toEqual({});
  });

  it('every-time cooldown in minutes becomes seconds (15 min × 60 = 900 s); expiry is New York time', () => {
    // 2026-12-24 16:00 in New York is EST (UTC−5): 21:00 UTC.
    const input = createInput({ ...emptyDraft(), symbol: 'SPY', targetPrice: '600', triggerMode: 'every_time', cooldownMinutes: '15', expiresAt: '2026-12-24T16:00' });
    expect(input).toMatchObject({ triggerMode: 'every_time', cooldownSeconds: 900, expiresAt: '2026-12-24T21:00:00.000Z' });
  });

  it('wrong entries reach zod as text, so each error lands on its field', () => {
    const errors = formErrors(createInput({ ...emptyDraft(), symbol: '', targetPrice: 'abc', expiresAt: 'soon' }));
    expect(errors.targetPrice).toBe('Target price must be a number');
    expect(errors.symbol).toMatch(/^Symbol must be 1–10 letters/);
    expect(errors.expiresAt).toMatch(/^Expiry must be a date and time/);
    expect(formErrors(createInput({ ...emptyDraft(), symbol: 'SPY', targetPrice: '-5' })).targetPrice).toBe('Target price must be above 0');
    expect(formErrors(createInput({ ...emptyDraft(), symbol: 'SPY', targetPrice: '' })).targetPrice).toBe('Give a target price (above 0) or a key level');
  });

  it('a cooldown that is not a number is said in minutes (the form asks for minutes)', () => {
    expect(draftIssues({ ...emptyDraft(), triggerMode: 'every_time', cooldownMinutes: 'ten' })).toEqual([{ path: ['cooldownSeconds'], message: 'Cooldown must be a number of minutes, e.g. 15', code: 'custom' }]);
    expect(draftIssues({ ...emptyDraft(), triggerMode: 'once', cooldownMinutes: 'ten' })).toEqual([]);
  });

  it('editing: an untouched alert sends nothing; a changed note sends the note alone', () => {
    const draft = draftFromAlert(stored);
    expect(draft).toMatchObject({ targetPrice: '601.25', cooldownMinutes: '10', expiresAt: '2026-12-24T16:00', targetKind: 'price' });
    expect(updateInput(stored, draft)).toBeUndefined();
    expect(updateInput(stored, { ...draft, note: 'new note' })).toEqual({ id: 'a-1', note: 'new note' });
    expect(updateInput(stored, { ...draft, cooldownMinutes: '5' })).toEqual({ id: 'a-1', cooldownSeconds: 300 });
  });

  it('editing what it watches sends the whole watch, so the main process checks the new combination', () => {
    const draft = { ...draftFromAlert(stored), targetKind: 'level' as const, level: 'PDL' };
    expect(updateInput(stored, draft)).toEqual({ id: 'a-1', condition: 'crosses_above', targetPrice: null, level: 'PDL', percent: null, referencePrice: null });
  });

  it("a key-level alert's resolved price is not shown as its target", () => {
    const levelAlert = { ...stored, level: 'PDH', targetPrice: 603.1, levelDate: '2026-12-01' };
    expect(draftFromAlert(levelAlert)).toMatchObject({ targetKind: 'level', level: 'PDH', targetPrice: '' });
    expect(updateInput(levelAlert, draftFromAlert(levelAlert))).toBeUndefined();
  });
});
