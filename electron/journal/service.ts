import { randomUUID } from 'node:crypto';
import { tradeRuleIssues, type Trade, type TradeCreateSchema, type TradeUpdateSchema } from '../../shared/schemas/journal';
import { CoachError } from '../../shared/errors';
import type { z } from 'zod';
import type { EventBus } from '../contract/event-bus';
import type { HandlerMap } from '../contract/dispatcher';
import type { Database } from '../db/database';
import { computeAnalytics } from './analytics';
import { Importer } from './import/importer';
import { PRESETS } from './import/presets';
import { TradeRepository, type NewTrade } from './repository';

/** The trade journal: CRUD, CSV import and analytics, as contract calls. */
export class JournalService {
  readonly repo: TradeRepository;
  readonly importer: Importer;

  constructor(
    db: Database,
    private readonly events: EventBus,
  ) {
    this.repo = new TradeRepository(db);
    this.importer = new Importer(this.repo, events);
  }

  create(input: z.output<typeof TradeCreateSchema>): Trade {
    const id = randomUUID();
    const trade: NewTrade = {
      ...input,
      underlying: input.underlying ?? input.symbol,
      multiplier: input.multiplier ?? (input.assetType === 'option' ? 100 : 1),
      groupId: input.groupId ?? id,
      broker: null,
      fingerprint: null,
    };
    const created = this.repo.insert(trade, id)!;
    this.events.emit('journal:changed', { reason: 'created', count: 1 });
    return created;
  }

  update({ id, ...changes }: z.output<typeof TradeUpdateSchema>): Trade {
    const existing = this.get(id);
    const merged: NewTrade = { ...existing, ...changes };
    const issues = tradeRuleIssues(merged);
    if (issues.length) {
      throw new CoachError('invalid_input', issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), { issues: issues.map((i) => ({ ...i, code: 'custom' })) });
    }
    const updated = this.repo.replace(id, merged);
    this.events.emit('journal:changed', { reason: 'updated', count: 1 });
    return updated;
  }

  get(id: string): Trade {
    const trade = this.repo.get(id);
    if (!trade) throw new CoachError('not_found', `No trade ${id}`);
    return trade;
  }

  /** Like `get` and `update`, a trade that does not exist is `not_found` (a 404 over HTTP). */
  delete(id: string): void {
    if (!this.repo.delete(id)) throw new CoachError('not_found', `No trade ${id}`);
    this.events.emit('journal:changed', { reason: 'deleted', count: 1 });
  }

  handlers(): HandlerMap {
    return {
      'journal:list': (input) => this.repo.list(input),
      'journal:get': ({ id }) => this.get(id),
      'journal:create': (input) => this.create(input),
      'journal:update': (input) => this.update(input),
      'journal:delete': ({ id }) => {
        this.delete(id);
        return { removed: true };
      },
      'journal:analytics': (filter) => computeAnalytics(this.repo.forAnalytics(filter)),
      'journal:importPresets': () => PRESETS.map((p) => ({ id: p.id, label: p.label, source: p.source, requiredFields: p.required, mapping: p.mapping })),
      'journal:importUpload': (input) => this.importer.upload(input),
      'journal:importPreview': (options) => this.importer.preview(options),
      'journal:importCommit': (options) => this.importer.commit(options),
    };
  }
}
