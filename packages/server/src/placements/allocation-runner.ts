/**
 * Runs the allocation engine off the event loop, in a worker thread (node:worker_threads), so the API stays
 * responsive while a large round is allocated and checked. One worker per process, started on first use and
 * kept (its start, compiling the engine's sources, costs more than a round of 5,000 students); it never keeps
 * the process alive. Runs queue in the worker one after another.
 */
import { Worker } from 'node:worker_threads';
import type { AllocationInput } from '@kadr/core';
import type { EngineOutcome } from './allocation-engine.ts';

interface Pending {
  resolve: (outcome: EngineOutcome) => void;
  reject: (error: Error) => void;
  onStage: (stage: 'checking') => void;
}

let worker: Worker | undefined;
const pending = new Map<number, Pending>();
let nextId = 0;

function failAll(error: Error): void {
  for (const run of pending.values()) run.reject(error);
  pending.clear();
  worker = undefined;
}

function startWorker(): Worker {
  const started = new Worker(new URL('./allocation.worker.mjs', import.meta.url));
  started.unref();
  started.on(
    'message',
    (message: {
      id?: number;
      type: string;
      stage?: 'checking';
      outcome?: EngineOutcome;
      message?: string;
    }) => {
      if (message.id === undefined) return;
      const run = pending.get(message.id);
      if (!run) return;
      if (message.type === 'stage') run.onStage(message.stage!);
      else {
        pending.delete(message.id);
        if (message.type === 'done') run.resolve(message.outcome!);
        else run.reject(new Error(message.message ?? 'allocation worker failed'));
      }
    },
  );
  started.on('error', (error) => failAll(error));
  started.on('exit', (code) => {
    if (worker === started) failAll(new Error(`allocation worker exited with code ${code}`));
  });
  return started;
}

/**
 * Starts the worker thread now when none runs, so that it loads the engine while the caller reads the round's input
 * from the database (on a machine with a spare core its start, about half a second of CPU, is then off the run's
 * path). The next {@link runInWorker} uses it.
 */
export function prepareAllocationWorker(): void {
  worker ??= startWorker();
}

/**
 * Runs the engine on `input` in the worker thread.
 * @param onStage told when the worker moves on to the checker
 */
export function runInWorker(
  input: AllocationInput,
  onStage: (stage: 'checking') => void = () => {},
): Promise<EngineOutcome> {
  worker ??= startWorker();
  const id = ++nextId;
  const running = worker;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, onStage });
    running.postMessage({ id, input });
  });
}

/** Stops the worker (the next run starts a new one). */
export async function stopAllocationWorker(): Promise<void> {
  const stopping = worker;
  worker = undefined;
  await stopping?.terminate();
}
