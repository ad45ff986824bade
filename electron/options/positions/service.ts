import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { CoachError } from '../../../shared/errors';
import type { Leg } from '../../../shared/schemas/options';
import type {
  PortfolioAnalysis,
  PortfolioAnalyzeInputSchema,
  Position,
  PositionAnalysis,
  PositionAnalyzeInputSchema,
  PositionCreateSchema,
  PositionUpdateSchema,
} from '../../../shared/schemas/positions';
import type { EventBus } from '../../contract/event-bus';
import type { HandlerMap } from '../../contract/dispatcher';
import type { Database } from '../../db/database';
import { marketDate } from '../../market/calendar';
import type { MarketService } from '../../market/service';
import { symbolProfile } from '../../market/symbols';
import type { OptionsChainService } from '../chains/service';
import { DEFAULT_RISK_FREE_RATE, optionUnderlying } from '../pricing/underlyings';
import { analyzePosition, type AnalyzerMarket, type LegQuote } from './analyzer';
import { positionName } from './name';
import { aggregatePortfolio, type AnalysedPosition } from './portfolio';
import { PositionRepository, type NewPosition, type StoredPosition } from './repository';
import { recogniseStrategy } from './strategy';
import { legYears } from './valuation';

export interface PositionsServiceOptions {
  db: Database;
  events: EventBus;
  chains: Pick<OptionsChainService, 'mark'>;
  market: Pick<MarketService, 'quote'>;
  now?: () => number;
}

/** The portfolio view needs no payoff curve: two grid points keep its work to the figures it shows. */
const PORTFOLIO_GRID = { points: 2 };

const strip = ({ nameGenerated: _generated, ...position }: StoredPosition): Position => position;

/** Positions CRUD and the analyzer, as contract calls. */
export class PositionsService {
  readonly repo: PositionRepository;
  private readonly now: () => number;

  constructor(private readonly options: PositionsServiceOptions) {
    this.repo = new PositionRepository(options.db);
    this.now = options.now ?? Date.now;
  }

  private generatedName(legs: readonly Leg[]): string {
    return positionName(legs, recogniseStrategy(legs), Number(marketDate(this.now()).slice(0, 4)));
  }

  create(input: z.output<typeof PositionCreateSchema>): Position {
    const now = new Date(this.now()).toISOString();
    const closedAt = input.status === 'closed' ? (input.closedAt ?? now) : (input.closedAt ?? null);
    const position: NewPosition = {
      name: input.name ?? this.generatedName(input.legs),
      nameGenerated: input.name === undefined,
      legs: input.legs,
      notes: input.notes,
      status: input.status,
      openedAt: input.openedAt ?? now,
      closedAt,
    };
    checkDates(position);
    const created = this.options.db.transaction(() => this.repo.insert(position, randomUUID()));
    this.options.events.emit('positions:changed', { reason: 'created', id: created.id });
    return strip(created);
  }

  update({ id, ...changes }: z.output<typeof PositionUpdateSchema>): Position {
    const updated = this.options.db.transaction(() => {
      const existing = this.stored(id);
      const legs = changes.legs ?? existing.legs;
      const renamed = changes.name !== undefined;
      const status = changes.status ?? existing.status;
      const closedAt = status === 'open' ? (changes.closedAt ?? null) : (changes.closedAt ?? existing.closedAt ?? new Date(this.now()).toISOString());
      const merged: NewPosition = {
        name: changes.name ?? (existing.nameGenerated && changes.legs ? this.generatedName(legs) : existing.name),
        nameGenerated: renamed ? false : existing.nameGenerated,
        legs,
        notes: changes.notes !== undefined ? changes.notes : existing.notes,
        status,
        openedAt: changes.openedAt ?? existing.openedAt,
        closedAt,
      };
      checkDates(merged);
      return this.repo.replace(id, merged);
    });
    this.options.events.emit('positions:changed', { reason: 'updated', id });
    return strip(updated);
  }

  private stored(id: string): StoredPosition {
    const position = this.repo.get(id);
    if (!position) throw new CoachError('not_found', `No position ${id}`);
    return position;
  }

  get(id: string): Position {
    return strip(this.stored(id));
  }

  delete(id: string): void {
    if (!this.repo.delete(id)) throw new CoachError('not_found', `No position ${id}`);
    this.options.events.emit('positions:changed', { reason: 'deleted', id });
  }

  async analyze(input: z.output<typeof PositionAnalyzeInputSchema>): Promise<PositionAnalysis> {
    const stored = input.id !== undefined ? this.stored(input.id) : undefined;
    const legs = stored?.legs ?? input.legs!;
    const market = await this.marketFor(legs, input.at);
    return analyzePosition({ positionId: stored?.id ?? null, name: stored?.name ?? this.generatedName(legs), legs, whatIf: input.whatIf, grid: input.grid }, market);
  }

  /** Every open position; one that cannot be priced (no data for its underlying...) is listed under `errors`. */
  async portfolio(input: z.output<typeof PortfolioAnalyzeInputSchema>): Promise<PortfolioAnalysis> {
    const nowMs = input.at ?? this.now();
    const analysed: AnalysedPosition[] = [];
    const errors: PortfolioAnalysis['errors'] = [];
    for (const position of this.repo.list({ status: 'open' })) {
      try {
        const market = await this.marketFor(position.legs, input.at);
        analysed.push({ id: position.id, analysis: analyzePosition({ positionId: position.id, name: position.name, legs: position.legs, grid: PORTFOLIO_GRID }, market) });
      } catch (error) {
        errors.push({ positionId: position.id, message: error instanceof Error ? error.message : String(error) });
      }
    }
    return aggregatePortfolio(new Date(nowMs).toISOString(), analysed, errors);
  }

  /**
   * Marks of the live option legs from the chain service (quoted when listed, else priced from the
   * smile), spot from the marks or the market quote, beta from the symbol profiles, SPX for weighting.
   * No earnings or dividend calendar exists in the app: those stay unknown (null), except for
   * cash-settled index options where neither applies.
   */
  private async marketFor(legs: readonly Leg[], at: number | undefined): Promise<AnalyzerMarket> {
    const nowMs = at ?? this.now();
    const underlying = legs[0]!.symbol;
    const marks = await Promise.all(
      legs.map((leg) => (leg.kind === 'option' && legYears(leg, nowMs) > 0 ? this.options.chains.mark({ symbol: leg.symbol, right: leg.right, strike: leg.strike, expiry: leg.expiry }, at) : null)),
    );
    const quotes: (LegQuote | null)[] = marks.map((mark) => mark && { mid: mark.mid, bid: mark.bid, ask: mark.ask, iv: mark.iv, source: mark.source });
    const first = marks.find((mark) => mark !== null);
    const spot = first?.spot ?? (await this.options.market.quote(underlying)).last;
    const spxPrice = underlying === 'SPX' ? spot : (await this.options.market.quote('SPX')).last;
    const terms = optionUnderlying(underlying);
    const none: string[] = [];
    return {
      nowMs,
      spot,
      rate: first?.rate ?? DEFAULT_RISK_FREE_RATE,
      dividendYield: first?.dividendYield ?? terms.dividendYield,
      quotes,
      beta: symbolProfile(underlying)?.beta ?? null,
      spxPrice,
      events: terms.cashSettled ? { earnings: none, exDividend: none } : { earnings: null, exDividend: null },
    };
  }

  handlers(): HandlerMap {
    return {
      'positions:list': (input) => {
        const positions = this.repo.list(input).map(strip);
        return { positions, total: positions.length };
      },
      'positions:get': ({ id }) => this.get(id),
      'positions:create': (input) => this.create(input),
      'positions:update': (input) => this.update(input),
      'positions:delete': ({ id }) => {
        this.delete(id);
        return { removed: true };
      },
      'positions:analyze': async (input, ctx) => {
        const analysis = await this.analyze(input);
        ctx.log.info('position analysed', { positionId: analysis.positionId, underlying: analysis.underlying, strategy: analysis.strategy.kind, legs: analysis.legs.length, flags: analysis.flags.length });
        return analysis;
      },
      'portfolio:analyze': async (input, ctx) => {
        const portfolio = await this.portfolio(input);
        ctx.log.info('portfolio analysed', { positions: portfolio.positions.length, errors: portfolio.errors.length });
        return portfolio;
      },
    };
  }
}

/** A closed position closes after it opens; an open one has no close time. */
function checkDates(position: NewPosition): void {
  if (position.status === 'open' && position.closedAt !== null) {
    throw new CoachError('invalid_input', 'closedAt: An open position has no close time (set status to closed)', { issues: [{ path: ['closedAt'], message: 'An open position has no close time (set status to closed)', code: 'custom' }] });
  }
  if (position.closedAt !== null && Date.parse(position.closedAt) < Date.parse(position.openedAt)) {
    throw new CoachError('invalid_input', 'closedAt: Closed before it was opened', { issues: [{ path: ['closedAt'], message: 'Closed before it was opened', code: 'custom' }] });
  }
}
