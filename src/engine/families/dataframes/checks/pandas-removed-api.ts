// pandas-removed-api and pandas-deprecated-api: one check for both rules. A use of a pandas
// API of pandas-api-changes.ts is "removed" when the target pandas (config.pandasVersion,
// else DEFAULT_PANDAS_VERSION) no longer has it — the line fails there — and "deprecated"
// otherwise; each rule reports its own half. Methods and attributes count only on a
// provably-pandas receiver (pandas.ts), module names only when they resolve into pandas, so
// polars' `.map_elements`, a dict's `.items()` or a class of one's own with `applymap` stay
// silent. Fixes: a rename to a name the target pandas has (`.iteritems()` → `.items()`,
// `.applymap()` → `.map()` from 2.1), and `fillna(method="ffill")` → `ffill()`; all safe,
// since the new name runs the same code with the same arguments.
import type { Node } from 'web-tree-sitter';
import { callParts, isData, pandasKind, stringValue, type CallParts, type PandasKind } from '../pandas';
import { pandasMatches, pandasPatterns } from '../pandas-query';
import { oneLine } from '../pandas-hover';
import { FILLNA_METHOD_CHANGE, FILLNA_METHODS, PANDAS_ATTRIBUTE_CHANGES, PANDAS_METHOD_CHANGES, PANDAS_NAME_CHANGES, type PandasApiChange } from '../pandas-api-changes';
import { compareVersions } from '../../../pandas-version';
import { DEFAULT_PANDAS_VERSION, type Fix, type PandasVersion } from '../../../types';
import type { CheckContext, CheckVisitor } from '../../../checks/context';

const REMOVED_RULE = 'pandas-removed-api';

const anyOf = (names: Iterable<string>) => [...new Set(names)].map((n) => JSON.stringify(n)).join(' ');
const lastPart = (qualified: string) => qualified.slice(qualified.lastIndexOf('.') + 1);

pandasPatterns('pandas-removed-api', `
(call function: (attribute object: (_) @object attribute: (identifier) @method (#any-of? @method ${anyOf([...Object.keys(PANDAS_METHOD_CHANGES), 'fillna'])})) arguments: (argument_list)) @call
(attribute object: (_) @object attribute: (identifier) @property (#any-of? @property ${anyOf(Object.keys(PANDAS_ATTRIBUTE_CHANGES))})) @attribute
(call function: [(identifier) @function (attribute attribute: (identifier) @function)] (#any-of? @function ${anyOf(Object.keys(PANDAS_NAME_CHANGES).filter((q) => !/^[A-Z]|^(np|datetime)$/.test(lastPart(q))).map(lastPart))})) @function_call
(attribute attribute: (identifier) @member (#any-of? @member ${anyOf(Object.keys(PANDAS_NAME_CHANGES).filter((q) => /^[A-Z]|^(np|datetime)$/.test(lastPart(q))).map(lastPart))})) @member_use
`);

export function createPandasRemovedApi(context: CheckContext): CheckVisitor {
  const target = context.config.pandasVersion ?? DEFAULT_PANDAS_VERSION;
  const wanted = context.rule.id === REMOVED_RULE;
  const report = (node: Node, what: string, change: PandasApiChange, fixes: Fix[] = [], replacement = change.replacement) => {
    const removed = !!change.removed && compareVersions(target, change.removed) >= 0;
    if (removed !== wanted || !context.isSound(node) || isVersionGuarded(node)) return;
    context.report({
      node,
      data: {
        api: what,
        removed: versionText(change.removed),
        deprecated: versionText(change.deprecated),
        removal: change.removed ? ` (removed in ${versionText(change.removed)})` : '',
        replacement,
      },
      fixes,
    });
  };
  const renameFix = (name: Node, change: PandasApiChange): Fix[] =>
    change.rename && compareVersions(target, change.rename.since) >= 0
      ? [{ title: `Rename \`.${name.text}\` to \`.${change.rename.to}\``, safety: 'safe', edits: [{ start: name.startIndex, end: name.endIndex, newText: change.rename.to }] }]
      : [];
  return {
    finish() {
      for (const captures of pandasMatches(context)) {
        const { call, object, method, attribute, property, function_call, function: fn, member_use, member } = captures;
        if (call && object && method) {
          const kind = pandasKind(object, context.facts);
          const receiver = oneLine(object.text, 40);
          if (method.text === 'fillna') {
            const parts = callParts(call);
            const fillMethod = parts?.keywords.get('method');
            if (!parts || !fillMethod || fillMethod.type === 'none' || !isData(kind)) continue;
            const fill = FILLNA_METHODS[stringValue(fillMethod) ?? ''];
            report(call, `${receiver}.fillna(method=...)`, FILLNA_METHOD_CHANGE, fillnaFix(parts, fill, context.text), fill && `\`.${fill}()\``);
            continue;
          }
          const change = PANDAS_METHOD_CHANGES[method.text];
          if (!receives(change.on, kind)) continue;
          const fixes = method.text === 'applymap' && kind !== 'frame' ? [] : renameFix(method, change);
          report(call, `${receiver}.${method.text}()`, change, fixes);
        } else if (attribute && object && property) {
          const change = PANDAS_ATTRIBUTE_CHANGES[property.text];
          if (!receives(change.on, pandasKind(object, context.facts))) continue;
          report(attribute, `${oneLine(object.text, 40)}.${property.text}`, change, renameFix(property, change));
        } else if (function_call && fn) {
          const callee = function_call.childForFieldName('function')!;
          const change = changeOf(callee, context);
          if (change) report(function_call, `${oneLine(callee.text)}()`, change);
        } else if (member_use && member) {
          const change = changeOf(member_use, context);
          if (change) report(member_use, oneLine(member_use.text), change);
        }
      }
    },
  };
}

/**
 * A version check in a condition: `pd.__version__`, `Version(pandas.__version__)`, or the
 * flags projects define for it (`PD_LT_2`, `PANDAS_GE_210`, `pandas_version`).
 */
const VERSION_CHECK = /__version__|\b_?(?:PD|PANDAS)_?(?:LT|LE|GT|GE|EQ|VERSION)|\bpandas_(?:lt|le|gt|ge|version)/i;

/**
 * Inside a branch of an `if` that tests the pandas version (or of a conditional expression),
 * after such an `if` that returns, or in an `except AttributeError` / `except TypeError`
 * fallback: code written to run on old and new pandas alike, the old API kept on purpose.
 */
function isVersionGuarded(node: Node): boolean {
  for (let at: Node | null = node.parent; at && at.type !== 'function_definition' && at.type !== 'module'; at = at.parent) {
    if (at.type === 'if_statement' || at.type === 'conditional_expression') {
      const condition = at.type === 'if_statement' ? at.childForFieldName('condition') : at.namedChildren[1];
      const elifs = at.type === 'if_statement' ? at.namedChildren.filter((c) => c?.type === 'elif_clause').map((c) => c!.childForFieldName('condition')) : [];
      if ([condition, ...elifs].some((c) => c && VERSION_CHECK.test(c.text))) return true;
    }
    if (at.type === 'except_clause' && /\b(?:AttributeError|TypeError)\b/.test(at.namedChildren[0]?.text ?? '')) return true;
    if (at.parent?.type === 'block' || at.parent?.type === 'module') {
      // `if PANDAS_GE_210: return df.map(f)` before this statement: the rest is the old-pandas branch.
      for (let before = at.previousNamedSibling; before; before = before.previousNamedSibling) {
        if (before.type === 'if_statement' && VERSION_CHECK.test(before.childForFieldName('condition')?.text ?? '') && exits(before.childForFieldName('consequence'))) return true;
      }
    }
  }
  return false;
}

function exits(block: Node | null): boolean {
  const last = block?.namedChildren.filter((c) => c?.type !== 'comment').at(-1);
  return last?.type === 'return_statement' || last?.type === 'raise_statement';
}

function receives(on: readonly PandasKind[], kind: PandasKind | undefined): boolean {
  return !!kind && on.includes(kind);
}

function changeOf(name: Node, context: CheckContext): PandasApiChange | undefined {
  const qualified = context.facts.resolve(name);
  return qualified ? PANDAS_NAME_CHANGES[qualified] : undefined;
}

/** Keywords `ffill()` / `bfill()` take with the meaning `fillna` gave them. */
const FILL_KEYWORDS = new Set(['axis', 'inplace', 'limit', 'downcast']);

/**
 * `x.fillna(method="ffill", limit=2)` → `x.ffill(limit=2)`: fillna with a method and no
 * value runs the very code ffill/bfill run. Only for a literal method name and arguments
 * that are all keywords ffill takes (`value=None` dropped); comments inside the call keep it
 * from being rewritten.
 */
function fillnaFix(parts: CallParts, replacement: string | undefined, text: string): Fix[] {
  if (!replacement || parts.hasSplat || parts.positional.length || parts.args.namedChildren.some((c) => c?.type === 'comment')) return [];
  const kept: string[] = [];
  for (const [name, node] of parts.keywordNodes) {
    if (name === 'method' || (name === 'value' && parts.keywords.get('value')?.type === 'none')) continue;
    if (!FILL_KEYWORDS.has(name)) return [];
    kept.push(text.slice(node.startIndex, node.endIndex));
  }
  return [
    {
      title: `Replace \`fillna(method=...)\` with \`.${replacement}()\``,
      safety: 'safe',
      edits: [
        { start: parts.nameNode.startIndex, end: parts.nameNode.endIndex, newText: replacement },
        { start: parts.args.startIndex, end: parts.args.endIndex, newText: `(${kept.join(', ')})` },
      ],
    },
  ];
}

function versionText(version: PandasVersion | undefined): string {
  return version ? version.join('.') : '';
}
