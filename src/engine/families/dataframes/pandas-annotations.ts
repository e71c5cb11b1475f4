// The pandas kind an annotation or an `isinstance` class names: `pd.DataFrame`,
// `"pd.DataFrame"`, `Optional[pd.Series]`, `pd.DataFrame | None`, `pandas.Index`.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import type { PandasKind } from './pandas-kinds';
import { stringValue, subscriptKeys, unparenthesize } from './pandas-syntax';

/** `pd.DataFrame`, `"pd.DataFrame"`, `Optional[pd.Series]`, `pd.DataFrame | None`. */
export function annotationKind(facts: SemanticFacts, annotation: Node | null | undefined): PandasKind | undefined {
  if (!annotation) return undefined;
  let node = annotation.type === 'type' ? annotation.firstNamedChild : annotation;
  if (!node) return undefined;
  node = unparenthesize(node);
  if (node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '|') {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    if (right?.type === 'none') return annotationKind(facts, left);
    if (left?.type === 'none') return annotationKind(facts, right);
    return undefined;
  }
  if (node.type === 'generic_type' || node.type === 'subscript') {
    const base = node.type === 'subscript' ? node.childForFieldName('value') : node.firstNamedChild;
    const name = base ? (facts.resolve(base) ?? base.text) : '';
    if (name === 'typing.Optional' || name === 'Optional') {
      const inner = node.type === 'subscript' ? subscriptKeys(node)[0] : node.namedChildren.find((c) => c?.type === 'type_parameter')?.firstNamedChild;
      return annotationKind(facts, inner);
    }
    return undefined;
  }
  let qualified: string | undefined;
  if (node.type === 'string') {
    const text = stringValue(node)?.trim();
    if (!text || !/^[A-Za-z_][\w.]*$/.test(text)) return undefined;
    const [first, ...rest] = text.split('.');
    const base = facts.lookup(first, facts.scopeOf(node));
    qualified = base === undefined ? undefined : [base, ...rest].join('.');
  } else if (node.type === 'identifier' || node.type === 'attribute') {
    qualified = facts.resolve(node);
  }
  switch (qualified) {
    case 'pandas.DataFrame':
    case 'pandas.core.frame.DataFrame':
      return 'frame';
    case 'pandas.Series':
    case 'pandas.core.series.Series':
      return 'series';
    case 'pandas.Index':
      return 'index';
    default:
      return undefined;
  }
}
