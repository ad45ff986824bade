import { CoachError } from '../../shared/errors';
import type { AppInfo } from '../../shared/schemas/app';
import { mergeHandlers, type HandlerMap, type Handlers } from '../contract/dispatcher';

export const STUB_APP_INFO: AppInfo = { name: 'n', version: 'v', mode: 'web', dataDir: '/d', platform: 'linux', startedAt: 't' };

const unavailable = () => {
  throw new CoachError('unavailable', 'not in this test');
};
const marketStubs: HandlerMap = {
  'market:status': unavailable,
  'market:quote': unavailable,
  'market:snapshot': () => [],
  'market:bars': unavailable,
  'market:symbols': () => [],
  'market:importBars': unavailable,
};

/** A complete handler map of trivial answers, with `overrides` for the calls a test is about. */
export function stubHandlers(overrides: HandlerMap = {}): Handlers {
  return mergeHandlers({
    'app:info': () => STUB_APP_INFO,
    'health:ready': () => ({ ready: true, checkedAt: 't', checks: [] }),
    'settings:list': () => ({}),
    'settings:set': (entry) => entry,
    'settings:reset': () => ({ removed: false }),
    ...marketStubs,
    ...overrides,
  });
}
