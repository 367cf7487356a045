import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The browser shell is built with main: same core, no Electron import.
        input: { index: resolve('electron/main/index.ts'), shell: resolve('electron/shell/cli.ts') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // Sandboxed preloads cannot require npm modules: bundle everything into one CommonJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('renderer'),
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      minify: true,
      // Every byte counts against the start-up target (DESIGN §9: ≤ 250 kB gzip).
      reportCompressedSize: true,
      rollupOptions: { input: { index: resolve('renderer/index.html') } },
    },
  },
});
