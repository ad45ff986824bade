import { useState } from 'react';
import { MAX_IMPORT_BYTES, type ImportMapping, type ImportPresetId, type ImportPreview } from '../../../../shared/schemas/journal';
import type { CoachError } from '../../../../shared/errors';
import { useCoachApi } from '../../api/api-context';
import { useApiEvent } from '../../hooks/use-api-event';
import { toCoachError } from '../../hooks/use-call';
import { plural, uploadText } from '../../lib/journal';
import { ErrorNotice } from '../common/ErrorNotice';
import { ProgressBar } from '../common/ProgressBar';
import { ImportPreviewPanel } from './ImportPreviewPanel';

type Step =
  | { name: 'choose' }
  | { name: 'working'; label: string; progress: number; uploadId?: string }
  | { name: 'preview'; preview: ImportPreview; fileName: string }
  | { name: 'done'; inserted: number; duplicates: number; groups: number };

export interface ImportSettings {
  preset?: ImportPresetId;
  mapping?: ImportMapping;
  timezone: string;
}

/** Choose a file → detected format and column mapping → preview with errors per row → commit. */
export function ImportWizard({ onShowTrades }: { onShowTrades: () => void }) {
  const api = useCoachApi();
  const [step, setStep] = useState<Step>({ name: 'choose' });
  const [error, setError] = useState<CoachError | undefined>();
  const [fileName, setFileName] = useState('');

  useApiEvent('journal:importProgress', (p) =>
    setStep((s) => (s.name === 'working' && s.uploadId === p.uploadId ? { ...s, label: p.phase === 'writing' ? 'Writing trades' : 'Reading the file', progress: p.totalBytes ? p.processedBytes / p.totalBytes : 1 } : s)),
  );

  const preview = async (uploadId: string, settings: ImportSettings, name = fileName) => {
    setStep({ name: 'working', label: 'Reading the file', progress: 0, uploadId });
    const result = await api.call('journal:importPreview', { uploadId, ...settings });
    setStep({ name: 'preview', preview: result, fileName: name });
  };

  const run = (job: () => Promise<void>) => {
    setError(undefined);
    job().catch((e: unknown) => {
      setError(toCoachError(e));
      setStep((s) => (s.name === 'working' ? { name: 'choose' } : s));
    });
  };

  const choose = (file: File | undefined) => {
    if (!file) return;
    setFileName(file.name);
    if (file.size > MAX_IMPORT_BYTES) {
      setError(toCoachError(new Error(`${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; the importer takes files up to 50 MB.`)));
      return;
    }
    run(async () => {
      setStep({ name: 'working', label: 'Uploading', progress: 0 });
      const text = await file.text();
      const uploadId = await uploadText(api, text, (sent, total) => setStep({ name: 'working', label: 'Uploading', progress: total ? sent / total : 1 }));
      await preview(uploadId, { timezone: 'America/New_York' }, file.name);
    });
  };

  const commit = (settings: ImportSettings & { uploadId: string }) =>
    run(async () => {
      setStep({ name: 'working', label: 'Writing trades', progress: 0, uploadId: settings.uploadId });
      setStep({ name: 'done', ...(await api.call('journal:importCommit', settings)) });
    });

  return (
    <section className="card" aria-labelledby="import-heading">
      <header className="card-header">
        <h3 id="import-heading">Import trades from CSV</h3>
        <span className="card-header-note muted">thinkorswim, Interactive Brokers, tastytrade, Webull, Schwab, Robinhood or a generic CSV</span>
      </header>
      <div className="card-body">
        {error && <ErrorNotice title="The import failed" error={error} />}
        {step.name === 'choose' && (
          <label className="file-drop">
            <span>Choose a CSV file exported by your broker (up to 50 MB)</span>
            <input type="file" accept=".csv,text/csv,text/plain" aria-label="CSV file" onChange={(e) => choose(e.target.files?.[0])} />
          </label>
        )}
        {step.name === 'working' && <ProgressBar label={step.label} value={step.progress} />}
        {step.name === 'preview' && (
          <ImportPreviewPanel
            preview={step.preview}
            fileName={step.fileName}
            onRepreview={(settings) => run(() => preview(step.preview.uploadId, settings))}
            onCommit={commit}
            onCancel={() => setStep({ name: 'choose' })}
          />
        )}
        {step.name === 'done' && (
          <div role="status" className="import-done">
            <p>
              Imported <strong className="num">{step.inserted}</strong> {plural('trade leg', step.inserted)} in <strong className="num">{step.groups}</strong> {plural('trade', step.groups)}
              {step.duplicates > 0 && `; ${step.duplicates} already in the journal ${plural('was', step.duplicates, 'were')} skipped`}.
            </p>
            <div className="form-actions">
              <button type="button" className="button button-primary" onClick={onShowTrades}>
                See the trades
              </button>
              <button type="button" className="button button-ghost" onClick={() => setStep({ name: 'choose' })}>
                Import another file
              </button>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
