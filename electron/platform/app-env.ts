/**
 * The environment the desktop app reads its configuration from. An installed (packaged) app is a
 * production build whatever NODE_ENV the user's shell or config.json says: the test tools
 * (`monitoring:test-error`) and the development-only checks stay off. The environment wins over
 * config.json, so setting it here settles both.
 */
export function appEnv(env: NodeJS.ProcessEnv, isPackaged: boolean): NodeJS.ProcessEnv {
  return isPackaged ? { ...env, NODE_ENV: 'production' } : env;
}
