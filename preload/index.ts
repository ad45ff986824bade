import { contextBridge, ipcRenderer } from 'electron';
import { buildCoachBridge } from './bridge';
// The bridge @sentry/electron/renderer sends events to the main process over (sandboxed renderers
// cannot be given it any other way); inert while monitoring is off.
import '@sentry/electron/preload';

contextBridge.exposeInMainWorld('coach', buildCoachBridge(ipcRenderer));
