/** The Parallax HTTP server: the app factory and a listener. */
export {
  createApp,
  DEFAULT_MAX_JSON_BYTES,
  DEFAULT_MAX_UPLOAD_BYTES,
  type AppOptions,
  type AppType,
  type ServerLimits,
} from './app.js';
export { startServer, type ListenOptions, type RunningServer } from './start-server.js';
export { CONTENT_SECURITY_POLICY } from './security-headers.js';
export { BindRefusedError, decideBind, type BindDecision } from './bind-policy.js';
export { allowedHostProblem } from './allowed-hosts.js';
export { MIN_TOKEN_LENGTH, tokenProblem } from './token-auth.js';
