import path from 'node:path';
import electronLog from 'electron-log/node';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';
export type LogFields = Record<string, unknown>;

/** Structured logger: one JSON line per entry with time, level, msg, requestId and fields. */
export interface Logger {
  error(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  debug(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` (typically `requestId`) to every line. */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  level: LogLevel;
  /** Folder of the log file (`<dataDir>/logs/main.log`); no file when absent. */
  logDir?: string;
  /** Also print every line on stdout/stderr (web mode, development). */
  console: boolean;
  /** Where lines go in tests; replaces both transports. */
  sink?: (line: string, level: LogLevel) => void;
  /** Also hands every entry written to this (error monitoring turns them into breadcrumbs). */
  onEntry?: (level: LogLevel, msg: string, fields: LogFields) => void;
}

const RANK: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };
let instanceCount = 0;

/** Errors become their message and stack; everything else must survive JSON.stringify. */
function serialisable(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

export function formatLogLine(level: LogLevel, msg: string, fields: LogFields, now = new Date()): string {
  const entry: Record<string, unknown> = { time: now.toISOString(), level, msg };
  for (const [key, value] of Object.entries(fields)) entry[key] = serialisable(value);
  return JSON.stringify(entry);
}

export function createLogger(options: LoggerOptions): Logger {
  const write = options.sink ?? electronLogSink(options);
  const make = (bound: LogFields): Logger => {
    const emit = (level: LogLevel) => (msg: string, fields: LogFields = {}) => {
      if (RANK[level] > RANK[options.level]) return;
      const all = { ...bound, ...fields };
      write(formatLogLine(level, msg, all), level);
      options.onEntry?.(level, msg, all);
    };
    return {
      error: emit('error'),
      warn: emit('warn'),
      info: emit('info'),
      debug: emit('debug'),
      child: (fields) => make({ ...bound, ...fields }),
    };
  };
  return make({});
}

/** electron-log writes the file (with rotation) and the console; we hand it finished lines. */
function electronLogSink(options: LoggerOptions): (line: string, level: LogLevel) => void {
  const log = electronLog.create({ logId: `titm-${++instanceCount}` });
  log.transports.file.level = options.logDir ? 'silly' : false;
  if (options.logDir) {
    const file = path.join(options.logDir, 'main.log');
    log.transports.file.resolvePathFn = () => file;
  }
  log.transports.file.format = '{text}';
  log.transports.console.level = options.console ? 'silly' : false;
  log.transports.console.format = '{text}';
  log.transports.console.useStyles = false;
  return (line, level) => log[level](line);
}

/** A logger that drops everything; for code paths (and tests) that take a logger but need no output. */
export const silentLogger: Logger = createLogger({ level: 'error', console: false, sink: () => {} });

/** Errors and warnings on stderr, for the moments before the host (and its log file) exists. */
export const stderrLogger: Logger = (() => {
  const write = (msg: string, fields?: LogFields) => void process.stderr.write(`${msg} ${JSON.stringify(fields ?? {})}\n`);
  const logger: Logger = { error: write, warn: write, info: () => {}, debug: () => {}, child: () => logger };
  return logger;
})();

/**
 * A logger for parts made before the host that logs through them (the shell's listeners, the
 * native notifier handed to the host): it writes to `current()` once there is one, else to `fallback`.
 */
export function forwardingLogger(current: () => Logger | undefined, fallback: Logger = stderrLogger): Logger {
  const target = () => current() ?? fallback;
  return {
    error: (msg, fields) => target().error(msg, fields),
    warn: (msg, fields) => target().warn(msg, fields),
    info: (msg, fields) => target().info(msg, fields),
    debug: (msg, fields) => target().debug(msg, fields),
    child: (fields) => target().child(fields),
  };
}
