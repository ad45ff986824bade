import { useState } from 'react';
import type { CoachError } from '../../../../shared/errors';
import { useCoachApi } from '../../api/api-context';
import { toCoachError } from '../../hooks/use-call';
import { downloadText } from '../../lib/download';
import { ErrorNotice } from '../common/ErrorNotice';

const FORMATS = [
  { format: 'markdown', label: 'Markdown' },
  { format: 'json', label: 'JSON' },
] as const;

/** Downloads the open conversation as Markdown (to read or share) or JSON (everything, cards included). */
export function ExportMenu({ sessionId }: { sessionId: string }) {
  const api = useCoachApi();
  const [error, setError] = useState<CoachError>();
  const [pending, setPending] = useState(false);

  const exportAs = (format: 'markdown' | 'json') => {
    setError(undefined);
    setPending(true);
    api
      .call('chat:export', { id: sessionId, format })
      .then((file) => downloadText(file.filename, file.mimeType, file.content))
      .catch((e: unknown) => setError(toCoachError(e)))
      .finally(() => setPending(false));
  };

  return (
    <div className="chat-export" role="group" aria-label="Export conversation">
      <span className="muted">Export</span>
      {FORMATS.map(({ format, label }) => (
        <button key={format} type="button" className="link-button" disabled={pending} onClick={() => exportAs(format)} aria-label={`Export as ${label}`}>
          {label}
        </button>
      ))}
      {error && <ErrorNotice title="Could not export the conversation" error={error} compact />}
    </div>
  );
}
