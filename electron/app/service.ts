import type { AppInfo } from '../../shared/schemas/app';
import type { HandlerMap } from '../contract/dispatcher';
import type { HealthRegistry } from '../observability/health';

/** Facts about the running app, and the health report, as contract calls. */
export function appHandlers(info: AppInfo, health: HealthRegistry): HandlerMap {
  return {
    'app:info': () => info,
    'health:ready': () => health.report(),
  };
}
