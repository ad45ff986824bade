import { CoachError } from '../../shared/errors';
import type { HandlerMap } from '../contract/dispatcher';

const notYet = (): never => {
  throw new CoachError('unavailable', 'The scanner is not built yet');
};

/** The opportunity scanner's contract calls (the scans land in the next commits). */
export class ScannerService {
  handlers(): HandlerMap {
    return {
      'scanner:catalog': notYet,
      'scanner:run': notYet,
      'scanner:schedules:list': notYet,
      'scanner:schedules:create': notYet,
      'scanner:schedules:update': notYet,
      'scanner:schedules:delete': notYet,
    };
  }
}
