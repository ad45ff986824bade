/** Path of an Electron-ABI build of better-sqlite3's addon, building it the first time. */
export function ensureElectronSqliteBinding(): string;
