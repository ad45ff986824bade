import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, command), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The command that opens a URL in the user's browser here, or undefined when none is found. */
export function findBrowserCommand(platform = process.platform): [string, ...string[]] | undefined {
  if (process.env.BROWSER) return [process.env.BROWSER];
  if (platform === 'darwin') return ['open'];
  if (platform === 'win32') return ['cmd', '/c', 'start', '""'];
  for (const command of ['xdg-open', 'chromium', 'google-chrome', 'firefox']) if (onPath(command)) return [command];
  return undefined;
}

/** Opens `url` without waiting for the browser; returns false when no browser was found. */
export function openBrowser(url: string): boolean {
  const command = findBrowserCommand();
  if (!command) return false;
  const [bin, ...args] = command;
  const child = spawn(bin, [...args, url], { detached: true, stdio: 'ignore' });
  child.on('error', () => {});
  child.unref();
  return true;
}
