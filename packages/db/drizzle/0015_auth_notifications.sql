-- Custom migration (ADR 0012): every API process caches the sessions it has resolved for a few seconds, and
-- forgets one as soon as the database says it changed. A session deleted (sign-out, password change,
-- deactivation, expiry, the user removed) notifies 's:<session id>', a user updated or deleted 'u:<user id>',
-- on channel kadr_auth, whichever code or process made the change; PostgreSQL delivers them at commit.
CREATE FUNCTION kadr_notify_auth_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'sessions' THEN
    PERFORM pg_notify('kadr_auth', 's:' || OLD.id);
  ELSE
    PERFORM pg_notify('kadr_auth', 'u:' || OLD.id);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER sessions_notify_auth AFTER DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION kadr_notify_auth_change();
--> statement-breakpoint
CREATE TRIGGER users_notify_auth AFTER UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION kadr_notify_auth_change();
