import { randomUUID } from 'node:crypto';
import {
  alertRuleIssues,
  isPctCondition,
  type Alert,
  type AlertCreateParams,
  type AlertListInputSchema,
  type AlertSpec,
  type AlertUpdateParams,
} from '../../shared/schemas/alerts';
import { CoachError } from '../../shared/errors';
import type { Notification } from '../../shared/schemas/notifications';
import type { Quote } from '../../shared/schemas/market';
import type { z } from 'zod';
import type { HandlerMap } from '../contract/dispatcher';
import type { EventBus } from '../contract/event-bus';
import type { Database } from '../db/database';
import type { NotificationRepository } from '../notifications/repository';
import { percentTarget } from './evaluate';
import { triggerMessage } from './message';
import { AlertRepository, type AlertDefinition } from './repository';

/** Where quotes come from (the market service: cached, one provider per symbol). */
export interface QuoteSource {
  quote(symbol: string): Promise<Quote>;
}

/**
 * What one tick writes, all in one transaction. Level and trigger writes name the alert's `version`
 * as the tick read it, and are skipped when the alert changed meanwhile.
 */
export interface TickWrites {
  /** New crossing baselines, per symbol (only symbols whose price moved or with a new alert). */
  observations: { symbol: string; price: number; at: string }[];
  /** Key levels resolved for a session. */
  levels: { id: string; version: number; price: number; date: string }[];
  /** Alerts that fire, at which price, and (every_time) when they re-arm. */
  triggers: { id: string; version: number; price: number; rearmAt: string | null }[];
}

export interface FiredAlert {
  alert: Alert;
  notification: Notification;
}

export interface AlertsServiceOptions {
  db: Database;
  events: EventBus;
  quotes: QuoteSource;
  /** Trigger notifications are written in the same transaction as the trigger. */
  notifications: NotificationRepository;
  clock?: () => number;
}

function refuse(call: string, field: string, message: string): never {
  throw new CoachError('invalid_input', `Invalid input for ${call}: ${field}: ${message}`, { issues: [{ path: [field], message, code: 'custom' }] });
}

/** Price alerts as contract calls, and the writes of the worker's ticks. */
export class AlertsService {
  readonly repo: AlertRepository;
  private readonly db: Database;
  private readonly events: EventBus;
  private readonly quotes: QuoteSource;
  private readonly notifications: NotificationRepository;
  private readonly clock: () => number;
  private changes = 0;

  constructor(options: AlertsServiceOptions) {
    this.db = options.db;
    this.events = options.events;
    this.quotes = options.quotes;
    this.notifications = options.notifications;
    this.clock = options.clock ?? Date.now;
    this.repo = new AlertRepository(options.db);
  }

  async create(input: AlertCreateParams): Promise<Alert> {
    const now = this.clock();
    this.checkExpiry('alerts:create', input.expiresAt, now);
    const quote = await this.knownSymbol('alerts:create', input.symbol);
    const spec = this.resolveSpec(input, quote);
    const alert = this.repo.insert(
      randomUUID(),
      {
        ...spec,
        symbol: input.symbol,
        triggerMode: input.triggerMode,
        cooldownSeconds: input.cooldownSeconds,
        expiresAt: input.expiresAt && iso(Date.parse(input.expiresAt)),
        note: input.note || null,
        status: 'active',
        levelDate: null,
        lastPrice: null,
        lastPriceAt: null,
        rearmAt: null,
      },
      iso(now),
    );
    this.changed('created', [alert.id]);
    return alert;
  }

  /**
   * Applies the changes over the stored alert. Fields the new shape rules out are dropped unless
   * given (a target price when switching to a key level, a percent when leaving a percent move).
   */
  async update({ id, status, ...changes }: AlertUpdateParams): Promise<Alert> {
    const now = this.clock();
    const existing = this.get(id);
    const given = (key: keyof typeof changes) => changes[key] !== undefined;
    const next: AlertSpec & { symbol: string } = {
      symbol: changes.symbol ?? existing.symbol,
      condition: changes.condition ?? existing.condition,
      targetPrice: given('targetPrice') ? changes.targetPrice! : existing.level || isPctCondition(existing.condition) ? null : existing.targetPrice,
      level: given('level') ? changes.level! : existing.level,
      percent: given('percent') ? changes.percent! : existing.percent,
      referencePrice: given('referencePrice') ? changes.referencePrice! : existing.referencePrice,
    };
    if (isPctCondition(next.condition)) {
      if (!given('targetPrice')) next.targetPrice = null;
      if (!given('level')) next.level = null;
      // A percent move of another symbol is measured from that symbol's price.
      if (next.symbol !== existing.symbol && !given('referencePrice')) next.referencePrice = null;
    } else {
      if (!given('percent')) next.percent = null;
      if (!given('referencePrice')) next.referencePrice = null;
      if (changes.level && !given('targetPrice')) next.targetPrice = null;
      if (changes.targetPrice && !given('level')) next.level = null;
    }
    const issues = alertRuleIssues(next);
    if (issues.length) {
      throw new CoachError('invalid_input', `Invalid input for alerts:update: ${issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`, {
        issues: issues.map((i) => ({ ...i, code: 'custom' })),
      });
    }
    if (given('expiresAt')) this.checkExpiry('alerts:update', changes.expiresAt!, now);
    const expiresAt = given('expiresAt') ? changes.expiresAt! && iso(Date.parse(changes.expiresAt!)) : existing.expiresAt;
    if (status === 'active' && expiresAt && Date.parse(expiresAt) <= now) refuse('alerts:update', 'expiresAt', 'Expiry is in the past: give a later expiry (or none) to re-arm the alert');
    const needsQuote = next.symbol !== existing.symbol || (isPctCondition(next.condition) && next.referencePrice === null);
    const quote = needsQuote ? await this.knownSymbol('alerts:update', next.symbol) : undefined;
    const spec = this.resolveSpec(next, quote);
    // A level kept on the same symbol keeps its resolved price until the worker resolves it again.
    const keepsLevel = spec.level !== null && spec.level === existing.level && next.symbol === existing.symbol;
    // The baseline is the symbol's last price: it stays valid for a new target, not for another symbol.
    const sameSymbol = next.symbol === existing.symbol;
    const definition: AlertDefinition = {
      ...spec,
      targetPrice: keepsLevel ? existing.targetPrice : spec.targetPrice,
      symbol: next.symbol,
      triggerMode: changes.triggerMode ?? existing.triggerMode,
      cooldownSeconds: changes.cooldownSeconds ?? existing.cooldownSeconds,
      expiresAt,
      note: given('note') ? changes.note || null : existing.note,
      status: status ?? existing.status,
      levelDate: keepsLevel ? existing.levelDate : null,
      lastPrice: sameSymbol ? existing.lastPrice : null,
      lastPriceAt: sameSymbol ? existing.lastPriceAt : null,
      rearmAt: status === 'active' ? null : existing.rearmAt,
    };
    const alert = this.repo.replace(id, definition, iso(now));
    this.changed('updated', [id]);
    return alert;
  }

  /** Stops an active alert; cancelling a cancelled one again changes nothing. */
  cancel(id: string): Alert {
    const existing = this.get(id);
    if (existing.status === 'cancelled') return existing;
    if (existing.status !== 'active') refuse('alerts:cancel', 'id', `The alert is already ${existing.status}; only an active alert can be cancelled`);
    const alert = this.repo.setStatus(id, 'cancelled', iso(this.clock()));
    this.changed('cancelled', [id]);
    return alert;
  }

  delete(id: string): void {
    if (!this.repo.delete(id)) throw new CoachError('not_found', `No alert ${id}`);
    this.changed('deleted', [id]);
  }

  get(id: string): Alert {
    this.expireDue(this.clock());
    const alert = this.repo.get(id);
    if (!alert) throw new CoachError('not_found', `No alert ${id}`);
    return alert;
  }

  list(filter: z.output<typeof AlertListInputSchema>): Alert[] {
    this.expireDue(this.clock());
    return this.repo.list(filter);
  }

  /** Marks the alerts whose expiry has come (the worker each tick, reads too: no tick runs while the market is closed). */
  expireDue(now: number): string[] {
    const ids = this.repo.expireDue(iso(now));
    if (ids.length) this.changed('expired', ids);
    return ids;
  }

  /** Writes a tick: baselines, resolved levels, and each trigger with its notification, in one transaction. */
  record(writes: TickWrites, now: number): FiredAlert[] {
    const at = iso(now);
    const fired = this.db.transaction(() => {
      for (const o of writes.observations) this.repo.observe(o.symbol, o.price, o.at);
      for (const l of writes.levels) this.repo.resolveLevel(l.id, l.version, l.price, l.date);
      return writes.triggers.flatMap((t) => {
        const alert = this.repo.trigger(t.id, t.version, t.price, at, t.rearmAt);
        if (!alert) return [];
        const notification = this.notifications.insert({ id: randomUUID(), alertId: alert.id, type: 'alert_triggered', createdAt: at, ...triggerMessage(alert, t.price, now) });
        return [{ alert, notification }];
      });
    });
    if (fired.length) this.changed('triggered', fired.map((f) => f.alert.id));
    return fired;
  }

  handlers(): HandlerMap {
    return {
      'alerts:list': (filter) => ({ alerts: this.list(filter) }),
      'alerts:get': ({ id }) => this.get(id),
      'alerts:create': async (input, ctx) => {
        const alert = await this.create(input);
        ctx.log.info('alert created', { id: alert.id, symbol: alert.symbol, condition: alert.condition, level: alert.level });
        return alert;
      },
      'alerts:update': (input) => this.update(input),
      'alerts:cancel': ({ id }) => this.cancel(id),
      'alerts:delete': ({ id }) => {
        this.delete(id);
        return { removed: true };
      },
    };
  }

  /** The target price of a spec: the percent move's from its reference (the last price when none), none for a key level. */
  private resolveSpec(spec: AlertSpec, quote: Quote | undefined): Pick<AlertDefinition, 'condition' | 'targetPrice' | 'level' | 'percent' | 'referencePrice'> {
    const { condition, level } = spec;
    if (condition === 'pct_move_up' || condition === 'pct_move_down') {
      const referencePrice = spec.referencePrice ?? quote!.last;
      return { condition, level: null, percent: spec.percent, referencePrice, targetPrice: percentTarget(condition, referencePrice, spec.percent!) };
    }
    return { condition, level, percent: null, referencePrice: null, targetPrice: level ? null : spec.targetPrice };
  }

  /** The symbol's quote; a symbol the market does not know is refused as invalid input. */
  private async knownSymbol(call: string, symbol: string): Promise<Quote> {
    try {
      return await this.quotes.quote(symbol);
    } catch (error) {
      if (error instanceof CoachError && error.code === 'not_found') {
        refuse(call, 'symbol', error.message.startsWith('Unknown symbol') ? error.message : `Unknown symbol ${symbol}: ${error.message}`);
      }
      throw error;
    }
  }

  private checkExpiry(call: string, expiresAt: string | null, now: number): void {
    if (expiresAt && Date.parse(expiresAt) <= now) refuse(call, 'expiresAt', `Expiry is in the past (${expiresAt}); give a later date and time, or none`);
  }

  /**
   * Counts the changes of the set of watched alerts made outside a tick's own writes (which the
   * worker applies to its copy): the worker reads the active alerts again when it moved.
   */
  get revision(): number {
    return this.changes;
  }

  private changed(reason: 'created' | 'updated' | 'cancelled' | 'deleted' | 'triggered' | 'expired', ids: string[]): void {
    if (reason !== 'triggered') this.changes++;
    this.events.emit('alerts:changed', { reason, ids });
  }
}

const iso = (ms: number): string => new Date(ms).toISOString();
