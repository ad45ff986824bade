/** The app's version from package.json, set by the build (esbuild/vite `define`). */
declare const __APP_VERSION__: string;
