import { contextBridge, ipcRenderer } from 'electron';
import { buildCoachBridge } from './bridge';

contextBridge.exposeInMainWorld('coach', buildCoachBridge(ipcRenderer));
