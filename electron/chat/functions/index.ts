import type { ChatFunction } from '../types';
import { analyzePortfolio } from './analyze-portfolio';
import { analyzePosition } from './analyze-position';
import { analyzeTradeHistory } from './analyze-trade-history';
import { calculateRoll } from './calculate-roll';
import { cancelAlert } from './cancel-alert';
import { getAlerts } from './get-alerts';
import { getChartData } from './get-chart-data';
import { getCurrentPrice } from './get-current-price';
import { getKeyLevels } from './get-key-levels';
import { getMacroContext } from './get-macro-context';
import { getMarketStatus } from './get-market-status';
import { getOptionGreeks } from './get-option-greeks';
import { getOptionsChain } from './get-options-chain';
import { getTradeHistory } from './get-trade-history';
import { projectLeaps } from './project-leaps';
import { scanOpportunities } from './scan-opportunities';
import { setAlert } from './set-alert';

/**
 * Every function the coach may call, in the order the model sees them. Adding one = its file in this
 * folder (one `defineFunction`) + one line here.
 */
export const CHAT_FUNCTIONS: ChatFunction[] = [
  getKeyLevels,
  getMarketStatus,
  getCurrentPrice,
  getChartData,
  getOptionsChain,
  getOptionGreeks,
  analyzePosition,
  analyzePortfolio,
  setAlert,
  getAlerts,
  cancelAlert,
  getTradeHistory,
  analyzeTradeHistory,
  projectLeaps,
  calculateRoll,
  getMacroContext,
  scanOpportunities,
];
