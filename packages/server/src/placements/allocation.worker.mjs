// The allocation engine's worker thread (allocation-runner.ts): loads the TypeScript sources through tsx once,
// then answers runs one at a time: { id, input } in; { id, type: 'stage' } messages and one
// { id, type: 'done', outcome } or { id, type: 'error', message } out.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runEngine } = await import('./allocation-engine.ts');
parentPort.on('message', ({ id, input }) => {
  try {
    const outcome = runEngine(input, (stage) => parentPort.postMessage({ id, type: 'stage', stage }));
    parentPort.postMessage({ id, type: 'done', outcome });
  } catch (error) {
    parentPort.postMessage({
      id,
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
    });
  }
});
parentPort.postMessage({ type: 'ready' });
