// Bounds for every tree-sitter query the engine runs. A query cursor keeps one in-progress
// state per pattern started and not yet finished; in a deeply nested expression (8,000
// chained `.merge(df)` calls) they pile up, every step walks all of them (quadratic time),
// and past a few thousand the WASM cursor writes out of bounds and poisons the runtime for
// every later file. Real code keeps far fewer in flight: the limit only bites on such trees.
export const QUERY_MATCH_LIMIT = 512;

export const QUERY_OPTIONS = Object.freeze({ matchLimit: QUERY_MATCH_LIMIT });
