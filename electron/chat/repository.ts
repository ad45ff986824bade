import type { ChatMessage, ChatSession, FunctionCallRecord } from '../../shared/schemas/chat';
import type { Widget } from '../../shared/schemas/chat-widgets';
import type { Database } from '../db/database';

interface SessionRow {
  id: string;
  title: string;
  created_at: string;
  updated_at: string;
  message_count: number;
  preview: string | null;
}

interface MessageRow {
  id: string;
  session_id: string;
  role: ChatMessage['role'];
  content: string;
  function_calls: string;
  widgets: string;
  status: ChatMessage['status'];
  provider: ChatMessage['provider'];
  created_at: string;
}

/** Characters of the last message shown under a session's title. */
export const PREVIEW_CHARS = 80;

// Count and preview cover what the user sees in the conversation (not the context a session carries).
const SESSION_COLUMNS = `s.id, s.title, s.created_at, s.updated_at,
  (SELECT count(*) FROM ai_coach_messages m WHERE m.session_id = s.id AND m.role != 'system') AS message_count,
  (SELECT substr(m.content, 1, ${PREVIEW_CHARS * 2}) FROM ai_coach_messages m WHERE m.session_id = s.id AND m.role != 'system'
     ORDER BY m.created_at DESC, m.rowid DESC LIMIT 1) AS preview`;

/** The first words of a text on one line, at most `max` characters (cut at a word when possible). */
export function firstWords(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const toSession = (row: SessionRow): ChatSession => ({
  id: row.id,
  title: row.title,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  messageCount: row.message_count,
  preview: firstWords(row.preview ?? '', PREVIEW_CHARS),
});

const toMessage = (row: MessageRow): ChatMessage => ({
  id: row.id,
  sessionId: row.session_id,
  role: row.role,
  content: row.content,
  functionCalls: JSON.parse(row.function_calls) as FunctionCallRecord[],
  widgets: JSON.parse(row.widgets) as Widget[],
  status: row.status,
  provider: row.provider,
  createdAt: row.created_at,
});

/** `%` and `_` typed by the user match themselves. */
const likePattern = (query: string): string => `%${query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** SQL of `ai_coach_sessions` and `ai_coach_messages`; knows nothing of providers, events or validation. */
export class ChatRepository {
  constructor(
    private readonly db: Database,
    private readonly userId = 'local',
  ) {}

  insertSession(id: string, title: string, now: string): ChatSession {
    this.db.prepare('INSERT INTO ai_coach_sessions (id, user_id, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run(id, this.userId, title, now, now);
    return this.getSession(id)!;
  }

  getSession(id: string): ChatSession | undefined {
    const row = this.db.prepare<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM ai_coach_sessions s WHERE s.id = ? AND s.user_id = ?`).get(id, this.userId);
    return row && toSession(row);
  }

  /** Most recently active first; `query` matches the title or any message's text, case-insensitive. */
  listSessions(filter: { query?: string; limit: number }): ChatSession[] {
    const params: unknown[] = [this.userId];
    let where = 's.user_id = ?';
    if (filter.query) {
      const pattern = likePattern(filter.query);
      where += ` AND (lower(s.title) LIKE ? ESCAPE '\\'
        OR EXISTS (SELECT 1 FROM ai_coach_messages m WHERE m.session_id = s.id AND lower(m.content) LIKE ? ESCAPE '\\'))`;
      params.push(pattern, pattern);
    }
    return this.db
      .prepare<SessionRow>(`SELECT ${SESSION_COLUMNS} FROM ai_coach_sessions s WHERE ${where} ORDER BY s.updated_at DESC, s.rowid DESC LIMIT ?`)
      .all(...params, filter.limit)
      .map(toSession);
  }

  /** False when there is no such session. */
  renameSession(id: string, title: string, now: string): boolean {
    return this.db.prepare('UPDATE ai_coach_sessions SET title = ?, updated_at = ? WHERE id = ? AND user_id = ?').run(title, now, id, this.userId).changes > 0;
  }

  touchSession(id: string, now: string): void {
    this.db.prepare('UPDATE ai_coach_sessions SET updated_at = max(updated_at, ?) WHERE id = ? AND user_id = ?').run(now, id, this.userId);
  }

  /** Deletes the session and (cascade) its messages; false when there was none. */
  deleteSession(id: string): boolean {
    return this.db.prepare('DELETE FROM ai_coach_sessions WHERE id = ? AND user_id = ?').run(id, this.userId).changes > 0;
  }

  /** The whole history, oldest first. */
  messages(sessionId: string): ChatMessage[] {
    return this.db
      .prepare<MessageRow>('SELECT * FROM ai_coach_messages WHERE session_id = ? AND user_id = ? ORDER BY created_at, rowid')
      .all(sessionId, this.userId)
      .map(toMessage);
  }

  /**
   * What a turn reads back: every `system` message (the session's context) and the last `limit`
   * others, in order. A long session's older answers are not loaded on every turn.
   */
  recentMessages(sessionId: string, limit: number): ChatMessage[] {
    return this.db
      .prepare<MessageRow>(
        `SELECT * FROM ai_coach_messages WHERE session_id = ? AND user_id = ? AND (role = 'system' OR rowid IN (
           SELECT rowid FROM ai_coach_messages WHERE session_id = ? AND user_id = ? AND role != 'system' ORDER BY created_at DESC, rowid DESC LIMIT ?))
         ORDER BY created_at, rowid`,
      )
      .all(sessionId, this.userId, sessionId, this.userId, limit)
      .map(toMessage);
  }

  insertMessage(message: ChatMessage): void {
    this.db
      .prepare(
        `INSERT INTO ai_coach_messages (id, session_id, user_id, role, content, function_calls, widgets, status, provider, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        message.id,
        message.sessionId,
        this.userId,
        message.role,
        message.content,
        JSON.stringify(message.functionCalls),
        JSON.stringify(message.widgets),
        message.status,
        message.provider,
        message.createdAt,
      );
  }

  deleteMessages(ids: string[]): void {
    const remove = this.db.prepare('DELETE FROM ai_coach_messages WHERE id = ? AND user_id = ?');
    for (const id of ids) remove.run(id, this.userId);
  }
}
