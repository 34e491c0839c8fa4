import { useEffect, useState } from 'react';

/**
 * The draft of a dialog form: refilled from `init()` and untouched each time the dialog opens
 * (`onOpen` resets the mutations, so an old error does not show again).
 * @example const form = useFormDraft(opened, () => draftOf(lab), () => create.reset());
 */
export function useFormDraft<D extends object>(opened: boolean, init: () => D, onOpen: () => void) {
  const [draft, setDraft] = useState<D>(init);
  const [touched, setTouched] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refill only when the dialog opens
  useEffect(() => {
    if (opened) {
      setDraft(init());
      setTouched(false);
      onOpen();
    }
  }, [opened]);
  const set = <K extends keyof D>(key: K, value: D[K]) => setDraft((d) => ({ ...d, [key]: value }));
  return { draft, setDraft, set, touched, setTouched };
}
