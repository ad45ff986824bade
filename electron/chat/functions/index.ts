import type { ChatFunction } from '../types';

/**
 * Every function the coach may call (one file each beside this one). Owned by the chat-functions
 * branch, which fills the list; the chat service and the host only read it.
 */
export const CHAT_FUNCTIONS: ChatFunction[] = [];
