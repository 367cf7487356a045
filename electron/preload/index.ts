import { contextBridge, ipcRenderer } from 'electron';
import { createSoftphoneApi } from './softphoneApi';

contextBridge.exposeInMainWorld('softphone', createSoftphoneApi(ipcRenderer));
