import type { ChatProvider } from '../types';
import { OfflineCoach } from './offline';

/** The built-in engine that answers when no OpenAI key is set: the offline coach. */
export function createOfflineProvider(): ChatProvider {
  return new OfflineCoach();
}
