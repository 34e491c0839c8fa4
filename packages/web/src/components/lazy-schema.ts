import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './error-text';

/**
 * A contract's schema for a form that stays on its page (a dialog loads with its schema: `lazyDialog`): the loader,
 * called when the person first types in the form or submits it, so that the page loads no zod before (ADR 0019;
 * the sign-in page does the same, ADR 0014). Loads once; again after a failure.
 * @example const loadTokenSchema = lazySchema(() => import('@kadr/contracts/auth').then((m) => m.createTokenBodySchema));
 */
export function lazySchema<S>(load: () => Promise<S>): () => Promise<S> {
  let loading: Promise<S> | undefined;
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

/**
 * A {@link lazySchema} in a form: `schema` for `useSchemaForm` (undefined until it loaded: no check runs),
 * `onInput` for the `<form>` (the first keystroke starts loading), and `ensure()` for the submit, which resolves to
 * the schema (pass it to `validBody`), or to undefined after a red notification when it could not be fetched.
 * @example
 * const lazy = useLazySchema(loadTokenSchema);
 * const form = useSchemaForm({ …, schema: lazy.schema });
 * const onSubmit = async (e) => { e.preventDefault(); const schema = await lazy.ensure(); const body = schema && form.validBody(schema); … };
 * <form onSubmit={onSubmit} onInput={lazy.onInput}>
 */
export function useLazySchema<S>(load: () => Promise<S>) {
  const { t } = useTranslation();
  const [schema, setSchema] = useState<S>();
  const keep = (loaded: S) => {
    setSchema(() => loaded);
    return loaded;
  };
  const ensure = (): Promise<S | undefined> =>
    load().then(keep, (error: unknown) => {
      notifications.show({ color: 'red', message: errorMessage(t, error) });
      return undefined;
    });
  const onInput = () => void load().then(keep, () => undefined);
  return { schema, ensure, onInput };
}
