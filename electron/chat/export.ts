import type { z } from 'zod';
import type { ChatExportSchema, ChatMessage, ChatSession, FunctionCallRecord } from '../../shared/schemas/chat';

export type ChatExport = z.output<typeof ChatExportSchema>;

/** A file name from the title: lower-case words joined by dashes, never empty. */
export function exportFileName(title: string, extension: 'md' | 'json'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // the accents NFKD split off: é → e
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'chat'}.${extension}`;
}

/** "2026-12-01 15:04 UTC": a reader of the file may be anywhere. */
const stamp = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** `get_key_levels(symbol: "SPX")`: the call as a reader would write it. */
function describeCall(call: FunctionCallRecord): string {
  const args =
    call.arguments && typeof call.arguments === 'object' && !Array.isArray(call.arguments)
      ? Object.entries(call.arguments as Record<string, unknown>)
          .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
          .join(', ')
      : JSON.stringify(call.arguments ?? '');
  const outcome = call.status === 'ok' ? 'ok' : `error: ${call.error ?? 'failed'}`;
  return `\`${call.name}(${args})\` — ${outcome}`;
}

function heading(message: ChatMessage): string {
  if (message.role === 'user') return 'You';
  if (message.role === 'system') return 'Context';
  return message.provider === 'offline' ? 'Coach (offline coach)' : 'Coach';
}

/** The conversation as a Markdown document: one section per message, with the functions the coach called. */
export function sessionToMarkdown(session: ChatSession, messages: ChatMessage[], exportedAt: string): string {
  const lines = [`# ${session.title}`, '', `_Exported ${stamp(exportedAt)} · started ${stamp(session.createdAt)} · ${session.messageCount} messages_`];
  for (const message of messages) {
    lines.push('', `## ${heading(message)} · ${stamp(message.createdAt)}`, '');
    if (message.functionCalls.length) {
      lines.push('Functions called:', ...message.functionCalls.map((call) => `- ${describeCall(call)}`), '');
    }
    lines.push(message.content || '_(no text)_');
    if (message.status === 'stopped') lines.push('', '_(stopped before the end of the answer)_');
  }
  return `${lines.join('\n')}\n`;
}

export function exportSession(session: ChatSession, messages: ChatMessage[], format: 'markdown' | 'json', exportedAt: string): ChatExport {
  if (format === 'markdown') {
    return { filename: exportFileName(session.title, 'md'), mimeType: 'text/markdown; charset=utf-8', content: sessionToMarkdown(session, messages, exportedAt) };
  }
  return {
    filename: exportFileName(session.title, 'json'),
    mimeType: 'application/json',
    content: `${JSON.stringify({ exportedAt, session, messages }, null, 2)}\n`,
  };
}
