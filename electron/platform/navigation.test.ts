import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../server/static-files';
import { decideNavigation, decideWindowOpen, externalUrlToOpen, isTrustedRendererUrl, withContentSecurityPolicy } from './navigation';

const INDEX = 'file:///opt/TITM%20AI%20Coach/resources/app.asar/out/renderer/index.html';
const DEV = 'http://localhost:5173/';

describe('isTrustedRendererUrl', () => {
  it('trusts the built index.html, with any hash or query', () => {
    expect(isTrustedRendererUrl(INDEX, INDEX)).toBe(true);
    expect(isTrustedRendererUrl(`${INDEX}#/journal`, INDEX)).toBe(true);
    expect(isTrustedRendererUrl(`${INDEX}?tab=chart`, INDEX)).toBe(true);
  });

  it('matches whichever way the path is escaped', () => {
    expect(isTrustedRendererUrl('file:///opt/TITM AI Coach/resources/app.asar/out/renderer/index.html', INDEX)).toBe(true);
  });

  it('ignores the letter case of a Windows drive only', () => {
    const win = 'file:///C:/Program%20Files/TITM/resources/app.asar/out/renderer/index.html';
    expect(isTrustedRendererUrl(win.replace('C:', 'c:'), win)).toBe(true);
    expect(isTrustedRendererUrl(win.replace('TITM', 'titm'), win)).toBe(false);
  });

  it('refuses every other local file, including neighbours and path tricks', () => {
    expect(isTrustedRendererUrl('file:///opt/TITM%20AI%20Coach/resources/app.asar/out/renderer/other.html', INDEX)).toBe(false);
    expect(isTrustedRendererUrl('file:///tmp/index.html', INDEX)).toBe(false);
    expect(isTrustedRendererUrl('file:///opt/TITM%20AI%20Coach/resources/app.asar/out/renderer/x/../../renderer/evil.html', INDEX)).toBe(false);
    expect(isTrustedRendererUrl('file://attacker/opt/TITM%20AI%20Coach/resources/app.asar/out/renderer/index.html', INDEX)).toBe(false);
  });

  it('trusts the dev server origin only when there is one', () => {
    expect(isTrustedRendererUrl('http://localhost:5173/', INDEX, DEV)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5173/src/main.tsx', INDEX, DEV)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5173/', INDEX)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5174/', INDEX, DEV)).toBe(false);
    expect(isTrustedRendererUrl('https://localhost:5173/', INDEX, DEV)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost.evil.com:5173/', INDEX, DEV)).toBe(false);
  });

  it('refuses the web and junk', () => {
    for (const url of ['https://example.com/', 'about:blank', 'data:text/html,hi', 'javascript:alert(1)', '', 'not a url']) {
      expect(isTrustedRendererUrl(url, INDEX, DEV)).toBe(false);
    }
  });
});

describe('externalUrlToOpen', () => {
  it('passes https links, normalised', () => {
    expect(externalUrlToOpen('https://www.tradingview.com/symbols/SPX')).toBe('https://www.tradingview.com/symbols/SPX');
    expect(externalUrlToOpen('HTTPS://Example.COM')).toBe('https://example.com/');
  });

  it('refuses plain http, other schemes and disguised hosts', () => {
    for (const url of [
      'http://example.com/',
      'file:///etc/passwd',
      'mailto:someone@example.com',
      'smb://server/share',
      'ms-msdt:/id',
      'javascript:alert(1)',
      'https://example.com@evil.com/',
      'https://user:pass@example.com/',
      'nonsense',
    ]) {
      expect(externalUrlToOpen(url), url).toBeUndefined();
    }
  });
});

describe('decideNavigation', () => {
  const isTrusted = (url: string) => isTrustedRendererUrl(url, INDEX);

  it('lets our renderer reload itself', () => {
    expect(decideNavigation(`${INDEX}#/alerts`, { isTrusted, isMainFrame: true })).toEqual({ action: 'allow' });
  });

  it('sends an https link clicked in the main frame to the browser', () => {
    expect(decideNavigation('https://example.com/docs', { isTrusted, isMainFrame: true })).toEqual({ action: 'deny', openExternal: 'https://example.com/docs' });
  });

  it('denies everything else without opening it', () => {
    expect(decideNavigation('http://example.com/', { isTrusted, isMainFrame: true })).toEqual({ action: 'deny' });
    expect(decideNavigation('file:///tmp/x.html', { isTrusted, isMainFrame: true })).toEqual({ action: 'deny' });
    // A sub-frame must not be able to make the app open pages.
    expect(decideNavigation('https://example.com/', { isTrusted, isMainFrame: false })).toEqual({ action: 'deny' });
  });
});

describe('decideWindowOpen', () => {
  it('never opens an app window; https goes to the browser', () => {
    expect(decideWindowOpen('https://example.com/')).toEqual({ action: 'deny', openExternal: 'https://example.com/' });
    expect(decideWindowOpen('http://example.com/')).toEqual({ action: 'deny' });
    expect(decideWindowOpen(INDEX)).toEqual({ action: 'deny' });
    expect(decideWindowOpen('about:blank')).toEqual({ action: 'deny' });
  });
});

describe('withContentSecurityPolicy', () => {
  it('adds the policy and keeps the other headers', () => {
    const headers = withContentSecurityPolicy({ 'Content-Type': ['text/html'], 'X-One': 'single' }, CONTENT_SECURITY_POLICY);
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'X-One': ['single'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('replaces a looser policy sent by the response, whatever its case', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ["default-src *; script-src 'unsafe-inline'"] }, CONTENT_SECURITY_POLICY);
    expect(Object.keys(headers)).toEqual(['Content-Security-Policy']);
    expect(headers['Content-Security-Policy']).toEqual([CONTENT_SECURITY_POLICY]);
  });

  it('works when the response had no headers', () => {
    expect(withContentSecurityPolicy(undefined, 'x')).toEqual({ 'Content-Security-Policy': ['x'] });
  });
});
