import type { ChatProvider } from '../types';
import { OfflineCoach } from './offline';
import { pacedProvider } from './paced';

/** The built-in engine that answers when no OpenAI key is set: the offline coach, its words `paceMs` apart. */
export function createOfflineProvider(options: { paceMs?: number } = {}): ChatProvider {
  return pacedProvider(new OfflineCoach(), options.paceMs ?? 0);
}
