// Worker threads do not inherit the parent's tsx loader: register it, then load the worker.
require('tsx/cjs');
require('./worker.ts');
