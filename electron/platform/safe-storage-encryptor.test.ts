import { describe, expect, it } from 'vitest';
import { safeStorage } from './fake-electron';
import { safeStorageEncryptor } from './safe-storage-encryptor';

describe('safeStorageEncryptor', () => {
  it('encrypts and decrypts through safeStorage', () => {
    const encryptor = safeStorageEncryptor(safeStorage, 'darwin');
    expect(encryptor.isAvailable()).toBe(true);
    const data = encryptor.encrypt('sk-secret-value');
    expect(data.toString('utf8')).not.toContain('sk-secret-value');
    expect(encryptor.decrypt(data)).toBe('sk-secret-value');
  });

  it('counts Linux without a keyring (basic_text, a hard-coded password) as no encryption', () => {
    expect(safeStorageEncryptor({ ...safeStorage, getSelectedStorageBackend: () => 'basic_text' }, 'linux').isAvailable()).toBe(false);
    expect(safeStorageEncryptor({ ...safeStorage, getSelectedStorageBackend: () => 'kwallet5' }, 'linux').isAvailable()).toBe(true);
    expect(safeStorageEncryptor({ ...safeStorage, isEncryptionAvailable: () => false }, 'win32').isAvailable()).toBe(false);
  });
});
