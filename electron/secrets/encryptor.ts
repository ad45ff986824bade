/**
 * Encrypts saved keys with the operating system's keychain. The service layer never imports
 * Electron: the desktop shell passes an adapter over `safeStorage` (electron/platform/), web mode
 * passes none and keys are kept in a file only the user can read.
 */
export interface Encryptor {
  /** Whether real OS-backed encryption is usable now (on Linux it needs a keyring). */
  isAvailable(): boolean;
  encrypt(text: string): Buffer;
  /** Throws when the data was not encrypted by this user on this machine. */
  decrypt(data: Buffer): string;
}
