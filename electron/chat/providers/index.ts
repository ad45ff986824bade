import { ChatProviderError, type ChatProvider } from '../types';

/**
 * The built-in engine that answers when no OpenAI key is set. Owned by the chat-offline branch,
 * which returns its OfflineCoach here; until it lands, turns end with a clear provider error.
 */
export function createOfflineProvider(): ChatProvider {
  return {
    id: 'offline',
    label: 'Offline coach',
    model: null,
    respond() {
      return Promise.reject(new ChatProviderError('provider_unavailable', 'The offline coach is not built into this version yet'));
    },
  };
}
