// The async family: blocking calls and event-loop misuse inside coroutines (rules/async/).
import type { FamilyPackage } from '../../checks/context';
import { createAsyncDefWithoutAwait } from './checks/async-def-without-await';
import { createAsyncioRunInCoroutine } from './checks/asyncio-run-in-coroutine';
import { createBlockingDatabaseCallInAsync } from './checks/blocking-database-call-in-async';
import { createBlockingFileMethodInAsync } from './checks/blocking-file-method-in-async';
import { createBlockingHelperCallInAsync } from './checks/blocking-helper-call-in-async';
import { createBlockingHttpCallInAsync } from './checks/blocking-http-call-in-async';
import { createBlockingInputInAsync } from './checks/blocking-input-in-async';
import { createBlockingOpenInAsync } from './checks/blocking-open-in-async';
import { createBlockingPathCallInAsync } from './checks/blocking-path-call-in-async';
import { createBlockingProcessWaitInAsync } from './checks/blocking-process-wait-in-async';
import { createBlockingSocketCallInAsync } from './checks/blocking-socket-call-in-async';
import { createBlockingSubprocessInAsync } from './checks/blocking-subprocess-in-async';
import { createBlockingThreadWaitInAsync } from './checks/blocking-thread-wait-in-async';
import { createBusyWaitWithSleep } from './checks/busy-wait-with-sleep';
import { createCancellationSwallowed } from './checks/cancellation-swallowed';
import { createDroppedTaskReference } from './checks/dropped-task-reference';
import { createGetEventLoopOutsideLoop } from './checks/get-event-loop-outside-loop';
import { createInfiniteLoopWithoutAwait } from './checks/infinite-loop-without-await';
import { ASYNC_GUARDS } from './guards';
import { asyncLibraryOf } from './call-sites';

export const ASYNC_FAMILY: FamilyPackage = {
  name: 'async',
  checks: {
    'async-def-without-await': createAsyncDefWithoutAwait,
    'asyncio-run-in-coroutine': createAsyncioRunInCoroutine,
    'blocking-database-call-in-async': createBlockingDatabaseCallInAsync,
    'blocking-file-method-in-async': createBlockingFileMethodInAsync,
    'blocking-helper-call-in-async': createBlockingHelperCallInAsync,
    'blocking-http-call-in-async': createBlockingHttpCallInAsync,
    'blocking-input-in-async': createBlockingInputInAsync,
    'blocking-open-in-async': createBlockingOpenInAsync,
    'blocking-path-call-in-async': createBlockingPathCallInAsync,
    'blocking-process-wait-in-async': createBlockingProcessWaitInAsync,
    'blocking-socket-call-in-async': createBlockingSocketCallInAsync,
    'blocking-subprocess-in-async': createBlockingSubprocessInAsync,
    'blocking-thread-wait-in-async': createBlockingThreadWaitInAsync,
    'busy-wait-with-sleep': createBusyWaitWithSleep,
    'cancellation-swallowed': createCancellationSwallowed,
    'dropped-task-reference': createDroppedTaskReference,
    'get-event-loop-outside-loop': createGetEventLoopOutsideLoop,
    'infinite-loop-without-await': createInfiniteLoopWithoutAwait,
  },
  guards: ASYNC_GUARDS,
  readsOtherDefs: ['blocking-helper-call-in-async'],
  // The event-loop library the file runs on (anyio, trio, else asyncio), for hovers.
  modulePlaceholders: { $async: (facts) => asyncLibraryOf(facts) ?? 'asyncio' },
};
