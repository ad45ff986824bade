import type { Encryptor } from '../secrets/encryptor';

/** The part of Electron's `safeStorage` the adapter uses (a structural type, so tests can fake it). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(text: string): Buffer;
  decryptString(data: Buffer): string;
  /** Linux only: which keyring backs the encryption. */
  getSelectedStorageBackend?(): string;
}

/**
 * Saved keys encrypted with the OS keychain (Keychain, DPAPI, libsecret / kwallet). On Linux
 * without a keyring, Electron falls back to a password hard-coded in Chromium ('basic_text'),
 * which protects nothing: then we report no encryption and the keys stay in the owner-only file.
 */
export function safeStorageEncryptor(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): Encryptor {
  return {
    isAvailable() {
      if (!safeStorage.isEncryptionAvailable()) return false;
      return platform !== 'linux' || safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
    },
    encrypt: (text) => safeStorage.encryptString(text),
    decrypt: (data) => safeStorage.decryptString(data),
  };
}
