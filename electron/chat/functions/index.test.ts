import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { FunctionExecutor, toolSpec } from '../executor';
import { CHAT_FUNCTIONS } from './index';

/** `get-key-levels.ts` → `getKeyLevels`, the export each function file holds. */
const exportName = (file: string) => file.replace(/\.ts$/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

describe('the function registry', () => {
  it('holds at least the 15 functions the coach needs, with unique snake_case names', () => {
    const names = CHAT_FUNCTIONS.map((f) => f.name);
    expect(names.length).toBeGreaterThanOrEqual(15);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+(_[a-z]+)*$/);
    expect(names).toEqual(
      expect.arrayContaining([
        'get_key_levels', 'get_market_status', 'get_current_price', 'get_chart_data', 'get_options_chain', 'get_option_greeks',
        'analyze_position', 'analyze_portfolio', 'set_alert', 'get_alerts', 'cancel_alert', 'get_trade_history',
        'analyze_trade_history', 'project_leaps', 'calculate_roll', 'get_macro_context', 'scan_opportunities',
      ]),
    );
  });

  it('lists every function file of the folder, each exporting the function its file is named after', async () => {
    const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.test.ts'));
    expect(files.length).toBe(CHAT_FUNCTIONS.length);
    for (const file of files) {
      const module = (await import(/* @vite-ignore */ path.join(__dirname, file))) as Record<string, unknown>;
      const fn = module[exportName(file)];
      expect(fn, `${file} exports ${exportName(file)}`).toBeDefined();
      expect(CHAT_FUNCTIONS, `${file} is in CHAT_FUNCTIONS`).toContain(fn);
      expect((fn as { name: string }).name).toBe(path.basename(file, '.ts').replace(/-/g, '_'));
    }
  });

  it('the chat executor takes the whole list', () => {
    expect(new FunctionExecutor(CHAT_FUNCTIONS).names).toEqual(CHAT_FUNCTIONS.map((f) => f.name));
  });

  it.each(CHAT_FUNCTIONS.map((f) => [f.name, f] as const))('%s: a strict JSON schema with a description per field, a label and a description', (_name, fn) => {
    // What the model is sent.
    const spec = toolSpec(fn);
    expect(spec.parameters).toMatchObject({ type: 'object', additionalProperties: false });
    // Nothing fell back to an empty "any" schema (a transform the JSON schema cannot show).
    for (const property of Object.values(spec.parameters.properties as Record<string, { type?: string }>)) expect(property.type).toBeDefined();
    expect(fn.label).toMatch(/…$/);
    expect(fn.description.length).toBeGreaterThan(40);
    for (const io of ['output', 'input'] as const) {
      const schema = z.toJSONSchema(fn.parameters, { io }) as { type: string; properties: Record<string, { description?: string }>; required?: string[]; additionalProperties: boolean };
      expect(schema.type).toBe('object');
      expect(schema.additionalProperties).toBe(false);
      expect(schema.properties).toBeTypeOf('object');
      for (const [field, property] of Object.entries(schema.properties)) expect(property.description, `${fn.name}.${field} has a description`).toBeTruthy();
      for (const field of schema.required ?? []) expect(Object.keys(schema.properties)).toContain(field);
    }
    // Optional arguments with defaults stay optional for the model whichever side zod describes.
    expect(z.toJSONSchema(fn.parameters, { io: 'output' })).toEqual(z.toJSONSchema(fn.parameters, { io: 'input' }));
  });

  it('marks the arguments the spec requires as required, and only those', () => {
    const required = (name: string) => (z.toJSONSchema(CHAT_FUNCTIONS.find((f) => f.name === name)!.parameters) as { required?: string[] }).required ?? [];
    expect(required('get_key_levels')).toEqual(['symbol']);
    expect(required('get_market_status')).toEqual([]);
    expect(required('get_option_greeks').sort()).toEqual(['right', 'strike', 'symbol']);
    expect(required('set_alert').sort()).toEqual(['condition', 'symbol']);
    expect(required('calculate_roll').sort()).toEqual(['expiry', 'newExpiry', 'right', 'strike', 'symbol']);
    expect(required('project_leaps').sort()).toEqual(['expiry', 'right', 'strike', 'symbol']);
    expect(required('analyze_position')).toEqual([]);
    expect(required('scan_opportunities')).toEqual([]);
  });
});
