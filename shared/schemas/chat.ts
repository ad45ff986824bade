import { z } from 'zod';
import { WidgetSchema } from './chat-widgets';

/**
 * The AI coach's chat (tables `ai_coach_sessions`, `ai_coach_messages`) and the stream protocol of
 * `../shared/DESIGN.md`: stream_start, token, function_call_start, function_call_result,
 * message_complete | error, stream_end — the same events over IPC and SSE.
 */

const SessionId = z.string().min(1, 'Session id is required').max(80);

/** Which engine answered: the OpenAI-compatible model, or the built-in offline coach. */
export const ChatProviderIdSchema = z.enum(['openai', 'offline']);
export type ChatProviderId = z.infer<typeof ChatProviderIdSchema>;

export const ChatSessionSchema = z.object({
  id: z.string(),
  title: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  messageCount: z.number().int().min(0),
  /** The first words of the last message, for the session list. */
  preview: z.string(),
});
export type ChatSession = z.infer<typeof ChatSessionSchema>;

/**
 * One function the coach called while answering: its arguments as the model sent them (parsed when
 * they were JSON), the result fed back to the model, and the card it drew. `error` when the arguments
 * were refused or the service failed (the model is told, the turn goes on).
 */
export const FunctionCallRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  arguments: z.unknown(),
  status: z.enum(['ok', 'error']),
  result: z.unknown(),
  error: z.string().optional(),
  widget: WidgetSchema.optional(),
  ms: z.number().min(0),
});
export type FunctionCallRecord = z.infer<typeof FunctionCallRecordSchema>;

/**
 * `system` messages hold context the session carries (e.g. the positions a screenshot gave),
 * never the system prompt itself, which is built per conversation.
 */
export const ChatRoleSchema = z.enum(['user', 'assistant', 'system']);
export type ChatRole = z.infer<typeof ChatRoleSchema>;

export const ChatMessageSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  role: ChatRoleSchema,
  content: z.string(),
  functionCalls: z.array(FunctionCallRecordSchema),
  /** The cards of the function calls, in call order (also inside functionCalls; here for easy drawing). */
  widgets: z.array(WidgetSchema),
  /** complete; stopped = the user stopped it and the partial answer was kept. */
  status: z.enum(['complete', 'stopped']),
  /** Assistant messages: which engine answered. */
  provider: ChatProviderIdSchema.nullable(),
  createdAt: z.iso.datetime(),
});
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

const Content = z.string().trim().min(1, 'Message cannot be empty').max(8000, 'Message is at most 8000 characters');

/** Input of `chat:send` and `POST /api/chat/message`. */
export const ChatSendInputSchema = z
  .object({
    /** Absent: a new session is made, titled from the message. */
    sessionId: SessionId.optional(),
    message: Content.optional(),
    /** Answer the session's last user message again, replacing the answer after it. */
    regenerate: z.boolean().optional(),
  })
  .strict()
  .refine((input) => (input.regenerate ? input.sessionId !== undefined && input.message === undefined : input.message !== undefined), {
    message: 'Send a message, or regenerate with a sessionId and no message',
  });
export type ChatSendInput = z.input<typeof ChatSendInputSchema>;

/** What a finished turn answers (the `message_complete` payload; also the whole JSON response). */
export const ChatTurnResultSchema = z.object({
  sessionId: z.string(),
  /** The user message the answer replies to. */
  userMessage: ChatMessageSchema,
  message: ChatMessageSchema,
  functionCalls: z.array(FunctionCallRecordSchema),
});
export type ChatTurnResult = z.infer<typeof ChatTurnResultSchema>;

/** The chat stream events, in the order of DESIGN.md. */
export const ChatStreamEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stream_start'), sessionId: z.string(), messageId: z.string(), provider: ChatProviderIdSchema }),
  z.object({ type: z.literal('token'), content: z.string() }),
  z.object({ type: z.literal('function_call_start'), id: z.string(), name: z.string(), label: z.string(), arguments: z.unknown() }),
  z.object({ type: z.literal('function_call_result'), id: z.string(), name: z.string(), status: z.enum(['ok', 'error']), result: z.unknown(), widget: WidgetSchema.optional() }),
  z.object({ type: z.literal('message_complete') }).extend(ChatTurnResultSchema.shape),
  z.object({ type: z.literal('error'), code: z.string(), message: z.string(), requestId: z.string().optional() }),
  z.object({ type: z.literal('stream_end') }),
]);
export type ChatStreamEvent = z.infer<typeof ChatStreamEventSchema>;
export type ChatStreamEventType = ChatStreamEvent['type'];

export const ChatSessionIdSchema = z.object({ id: SessionId }).strict();
export const ChatSessionListInputSchema = z
  .object({
    /** Matches titles and message text, case-insensitive. */
    query: z.string().trim().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict();
export const ChatSessionListSchema = z.object({ sessions: z.array(ChatSessionSchema) });
export const ChatSessionCreateSchema = z.object({ title: z.string().trim().min(1).max(120).optional() }).strict();
export const ChatSessionRenameSchema = z.object({ id: SessionId, title: z.string().trim().min(1, 'Title cannot be empty').max(120, 'Title is at most 120 characters') }).strict();
export const ChatSessionDetailSchema = z.object({ session: ChatSessionSchema, messages: z.array(ChatMessageSchema) });
export const ChatExportInputSchema = z.object({ id: SessionId, format: z.enum(['markdown', 'json']) }).strict();
export const ChatExportSchema = z.object({ filename: z.string(), mimeType: z.string(), content: z.string() });
export const ChatCancelInputSchema = z.object({ streamId: z.string().min(1).max(128) }).strict();
export const ChatCancelSchema = z.object({ cancelled: z.boolean() });
/** Which engine will answer, for the label in the chat ("Offline coach" or the model's name). */
export const ChatStatusSchema = z.object({ provider: ChatProviderIdSchema, label: z.string(), model: z.string().nullable(), functions: z.array(z.string()) });
export const ChatSessionsChangedSchema = z.object({ reason: z.enum(['created', 'renamed', 'deleted', 'message']), id: z.string() });
