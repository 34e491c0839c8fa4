/** @kadr/server: the HTTP API and the server of the web app. */
export * from './app.ts';
export * from './config.ts';
export { hashPassword } from './auth/passwords.ts';
export * from './seed/demo.ts';
export { type ServiceContext, systemActor } from './context.ts';
export { AppError } from './errors.ts';
export { type LogDestination, openLogDestination, redactSecrets } from './plugins/log-safety.ts';
export { createUser, resetPassword } from './users/users.service.ts';
export type { ImportReporter } from './imports/import-progress.ts';
export { importFormats, runImport } from './imports/import.service.ts';
export { recomputeAllPassports, recomputeVersionPassports } from './passport/passport.service.ts';
export { takeSnapshot } from './strategy/kpis.service.ts';
