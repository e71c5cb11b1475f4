// The names Python's `builtins` module provides: what a name bound nowhere in the file
// resolves to (`open` → `builtins.open`, SemanticFacts.lookup in facts.ts).

/** Names Python's `builtins` module provides (resolved as `builtins.<name>` when unbound). */
export const BUILTINS = new Set(
  (
    'abs aiter all anext any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile complex ' +
    'delattr dict dir divmod enumerate eval exec exit filter float format frozenset getattr globals hasattr hash ' +
    'help hex id input int isinstance issubclass iter len list locals map max memoryview min next object oct open ' +
    'ord pow print property quit range repr reversed round set setattr slice sorted staticmethod str sum super ' +
    'tuple type vars zip __import__'
  ).split(' '),
);
