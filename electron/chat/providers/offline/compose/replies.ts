import type { ReplyKind } from '../classify';
import type { Topic } from '../topics';
import { bullets, paragraphs, type Experience } from './format';

/**
 * Answers that need no function: greetings, help, and honest refusals, each pointing at what the
 * coach can do. The list of abilities follows the functions this build actually has.
 */

const ABILITIES: { functions: string[]; line: string }[] = [
  { functions: ['get_key_levels'], line: '**Key levels**: "key levels for SPX", "where\'s support on QQQ", "PDH for SPY?"' },
  { functions: ['get_current_price', 'get_market_status', 'get_chart_data'], line: '**Prices and the market**: "SPY price", "is the market open", "how did QQQ trade today", "5m bars for SPX"' },
  { functions: ['get_options_chain', 'get_option_greeks'], line: '**Options**: "SPX 0DTE chain", "QQQ options for Friday", "greeks on SPX 6000c 0DTE"' },
  { functions: ['analyze_portfolio', 'analyze_position'], line: '**Positions**: "analyze my positions", "what\'s my portfolio delta", "analyze long SPY 600c Dec 19"' },
  { functions: ['set_alert', 'get_alerts', 'cancel_alert'], line: '**Alerts**: "alert me when SPX crosses 6000", "set an alert at PDH on SPY", "show my alerts"' },
  { functions: ['get_trade_history', 'analyze_trade_history'], line: '**Journal**: "show my last trades", "how am I doing this month", "what\'s my win rate on SPY"' },
  { functions: ['project_leaps', 'calculate_roll'], line: '**LEAPS**: "project a SPY 650 call Jan 2028", "roll my SPY 600c Dec 19 to Jan 16 2027"' },
  { functions: ['get_macro_context'], line: '**Macro**: "when is the next FOMC", "what\'s the VIX term structure"' },
  { functions: ['scan_opportunities'], line: '**Scanner**: "scan for setups", "any opportunities on QQQ?", "find gap ups", "what\'s moving", "run the options scanner"' },
];

/** What this build can do, one line per area whose functions are available. */
export function abilities(available: ReadonlySet<string>): string {
  return bullets(ABILITIES.filter((a) => a.functions.some((f) => available.has(f))).map((a) => a.line));
}

export interface ReplyContext {
  experience: Experience;
  displayName: string;
  available: ReadonlySet<string>;
}

/** A term explained, with a request that shows it on real numbers when this build can answer it. */
export function composeExplain(topic: Topic): string {
  return paragraphs(`**${topic.name}**: ${topic.text}`, `To see it on live numbers, ask "${topic.example}".`);
}

export function composeReply(reply: ReplyKind, ctx: ReplyContext): string {
  const list = abilities(ctx.available);
  const offline = "I'm the offline coach: I understand the common requests in plain English, look the numbers up with the app's own tools, and explain them.";
  const name = ctx.displayName.trim() ? ` ${ctx.displayName.trim()}` : '';
  switch (reply) {
    case 'greeting':
      return paragraphs(`Hi${name}! ${offline} Try:`, list);
    case 'thanks':
      return 'Glad to help. Ask for levels, a chain, your positions or an alert whenever you need them.';
    case 'help':
      return paragraphs(
        offline,
        `Here is what I can do:\n${list}`,
        ctx.experience === 'beginner' ? 'Symbols can be written as "spx" or "$SPX", contracts as "6000c" or "600 put", expiries as "0DTE", "Friday" or "Dec 19". I adjust my explanations to the experience level in your profile.' : null,
      );
    case 'orders':
      return paragraphs("I can't place or change orders: the app doesn't connect to a broker. I can size up the trade before you place it yourself:", bullets(['"greeks on SPY 600c Dec 19"', '"analyze long SPY 600c Dec 19" for its payoff, breakeven and risk', '"alert me when SPY crosses 600" to be told when your entry is reached']));
    case 'prediction':
      return paragraphs("I don't predict prices or tell you what to buy or sell. I can show you where price is likely to react and what the market is pricing:", bullets(['"key levels for SPX": support, resistance and the ATR expected move', '"SPX 0DTE chain": the straddle gives the move options are pricing', '"macro context": the scheduled events that can move the market']));
    case 'news':
      return paragraphs("I don't have a news or earnings feed. I can tell you about scheduled macro events (FOMC, CPI, payrolls) and how the market is moving:", bullets(['"when is the next FOMC"', '"how\'s the market"', '"macro context"']));
    case 'unknown':
      return paragraphs("I didn't understand that request, and I'd rather say so than guess. Here is what I can do:", list);
  }
}
