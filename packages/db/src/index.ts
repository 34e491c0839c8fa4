/** @kadr/db: the schema, the two database clients and the repositories. Only this package touches SQL. */
export * from './client.ts';
export * from './lock.ts';
export * from './repositories/api-tokens.repository.ts';
export * from './repositories/audit.repository.ts';
export * from './repositories/list.ts';
export * from './repositories/login-attempts.repository.ts';
export * from './repositories/organisations.repository.ts';
export * from './repositories/sessions.repository.ts';
export * from './repositories/users.repository.ts';
export * as schema from './schema.ts';
