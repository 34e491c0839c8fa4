import { Loader, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type ComponentType, type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './error-text';

/** Props for the button that opens a lazy dialog: its code starts loading on hover or focus, before the click. */
export interface DialogOpener {
  onMouseEnter: () => void;
  onFocus: () => void;
}

/** A dialog component whose code loads when it first opens (see {@link lazyDialog}). */
export type LazyDialog<P> = ((props: P) => ReactNode) & {
  /** Starts loading the dialog's code now (once; again after a failure). */
  preload: () => void;
  /** Spread on the button that opens the dialog. */
  opener: DialogOpener;
};

/** Over the page, above its dialogs (Mantine's are at 200): clicks wait, as they would on an opening dialog. */
const OVER_THE_PAGE = {
  position: 'fixed',
  inset: 0,
  zIndex: 300,
  display: 'grid',
  placeItems: 'center',
} as const;

/**
 * Shown while a dialog's code loads; focus stays on the button that opened it until the dialog takes it. Plain
 * elements, not Mantine's Overlay and Portal: those on every page that imports this split the chunks the first page
 * loads further (bench:web-size 0.3 kB more).
 */
function DialogLoader() {
  const { t } = useTranslation();
  return (
    <div style={OVER_THE_PAGE} role="status" aria-live="polite">
      {/* The spinner is a <span>, which may not carry a label: the status region says it in words. */}
      <Loader aria-hidden="true" />
      <VisuallyHidden>{t('app.loading')}</VisuallyHidden>
    </div>
  );
}

/**
 * A form dialog that a page loads when the dialog first opens, not with the page: with it come its form, zod and the
 * contracts' schemas (ADR 0019), so a page that only lists records loads none of them. Used as the dialog itself:
 * same props, rendered where the page rendered the dialog. Until it first opens it renders nothing; while its code
 * loads, a loader with a status text; once loaded it stays mounted, closed, as a dialog imported with the page would.
 * It mounts closed once before it opens, so that Mantine's modal sees the opening: focus moves into the dialog and
 * back to the button that opened it, and the form's draft is filled on opening as before. When the code cannot be
 * fetched, a red notification says so and the dialog closes (`onClose`); opening it again tries again.
 * @example
 * const LabFormModal = lazyDialog(() => import('./lab-form-modal').then((m) => m.LabFormModal));
 * <Button {...LabFormModal.opener} onClick={open}>…</Button>
 * <LabFormModal opened={formOpen} lab={editing} onClose={close} />
 * @param openWhile for a dialog opened by a record rather than by `opened`: the prop that holds it (open while
 * not null), e.g. `lazyDialog(() => import('./reset-password-modal').then((m) => m.ResetPasswordModal), 'user')`
 */
export function lazyDialog<P extends { opened: boolean; onClose: () => void }>(
  load: () => Promise<ComponentType<P>>,
): LazyDialog<P>;
export function lazyDialog<P extends { onClose: () => void }>(
  load: () => Promise<ComponentType<P>>,
  openWhile: { [K in keyof P]: null extends P[K] ? K : never }[keyof P],
): LazyDialog<P>;
export function lazyDialog<P extends { onClose: () => void }>(
  load: () => Promise<ComponentType<P>>,
  openWhile?: keyof P,
): LazyDialog<P> {
  const isOpen = (props: P) =>
    openWhile === undefined ? (props as P & { opened: boolean }).opened : props[openWhile] != null;
  const closed = (props: P): P => ({
    ...props,
    [openWhile ?? 'opened']: openWhile === undefined ? false : null,
  });
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = (): Promise<ComponentType<P>> => {
    loading ??= load().then(
      (component) => {
        loaded = component;
        return component;
      },
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };

  // biome-ignore lint/correctness/noComponentHookFactories: made once per dialog at a module's top level, as React.lazy makes its component
  function Dialog(props: P) {
    const { t } = useTranslation();
    const open = isOpen(props);
    const [component, setComponent] = useState(() => (loaded ? { Loaded: loaded } : undefined));
    // Whether the loaded dialog has been mounted closed once (then it gets the props as they are).
    const [mountedClosed, setMountedClosed] = useState(false);
    // biome-ignore lint/correctness/useExhaustiveDependencies: load when it opens; `t` and `onClose` as they are then
    useEffect(() => {
      if (!open || component) return;
      preload().then(
        (Loaded) => setComponent({ Loaded }),
        (error: unknown) => {
          notifications.show({ color: 'red', message: errorMessage(t, error) });
          props.onClose();
        },
      );
    }, [open, component]);
    useEffect(() => {
      if (component) setMountedClosed(true);
    }, [component]);
    if (!component) return open ? <DialogLoader /> : null;
    return <component.Loaded {...(mountedClosed ? props : closed(props))} />;
  }

  const prefetch = () => void preload().catch(() => undefined);
  return Object.assign(Dialog, { preload: prefetch, opener: { onMouseEnter: prefetch, onFocus: prefetch } });
}
