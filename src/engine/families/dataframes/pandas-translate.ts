// Translations the dataframes family shows in hovers and uses in its fixes: a row-wise or
// element-wise Python expression (the body of `lambda row: ...`) as a vectorised pandas
// expression, a polars expression, or SQL for DuckDB. Each translation either covers the
// whole expression or gives up (undefined): a half-translated expression is never shown.
import type { Node } from 'web-tree-sitter';
import type { SemanticFacts } from '../../facts';
import { callParts, isData, pandasKind, stringValue } from './pandas';
import { literalValues, sqlString } from './pandas-literals';
import { ARITHMETIC, BUILTIN_NAMES, COMPARISON_SQL, DATETIME_PARTS, STRING_METHODS, UFUNCS } from './pandas-translate-tables';
import type { Dialect, TranslateContext, Translation } from './pandas-translation-types';

export type { Dialect, Ref, TranslateContext, Translation } from './pandas-translation-types';
export { literalValues, pyString, sqlIdentifier, sqlString } from './pandas-literals';

/** A name bound nowhere in the file where the node is: the builtin, not a shadow. */
export function isBuiltin(node: Node, facts: SemanticFacts): boolean {
  if (node.type !== 'identifier') return false;
  for (let scope: ReturnType<SemanticFacts['scopeOf']> | undefined = facts.scopeOf(node); scope; scope = scope.parent) {
    if (scope.bindings.has(node.text) || scope.imports.has(node.text)) return false;
  }
  return true;
}

export function translate(node: Node, dialect: Dialect, context: TranslateContext): Translation | undefined {
  return new Translator(dialect, context).run(node);
}

class Translator {
  constructor(
    private readonly dialect: Dialect,
    private readonly context: TranslateContext,
  ) {}

  run(node: Node): Translation | undefined {
    return this.node(node);
  }

  private out(text: string, flags: Partial<Translation> = {}): Translation {
    return { text, atomic: false, boolean: false, numpy: false, array: false, external: false, assumesText: false, ...flags };
  }

  private merge(parts: Translation[], text: string, flags: Partial<Translation> = {}): Translation {
    return this.out(text, {
      numpy: parts.some((p) => p.numpy),
      array: parts.some((p) => p.array),
      external: parts.some((p) => p.external),
      assumesText: parts.some((p) => p.assumesText),
      ...flags,
    });
  }

  /** Text safe to follow with `.method()`. */
  private atom(t: Translation): string {
    return t.atomic ? t.text : `(${t.text})`;
  }

  private node(node: Node): Translation | undefined {
    const ref = this.context.ref(node);
    if (ref) {
      const text = this.dialect === 'pandas' ? ref.pandas : this.dialect === 'polars' ? ref.polars : ref.sql;
      return text === undefined ? undefined : this.out(text, { atomic: true });
    }
    switch (node.type) {
      case 'parenthesized_expression': {
        if (node.namedChildCount !== 1 || !node.firstNamedChild) return undefined;
        const inner = this.node(node.firstNamedChild);
        return inner && { ...inner, text: `(${inner.text})`, atomic: true };
      }
      case 'integer':
      case 'float':
        return this.out(node.text, { atomic: true });
      case 'string': {
        const value = stringValue(node);
        if (value === undefined) return undefined;
        return this.out(this.dialect === 'sql' ? sqlString(value) : node.text, { atomic: true });
      }
      case 'true':
      case 'false':
        return this.out(this.dialect === 'sql' ? node.type.toUpperCase() : node.text, { atomic: true, boolean: true });
      case 'identifier':
        return this.external(node);
      case 'attribute':
        return this.datetimePart(node) ?? this.external(node);
      case 'unary_operator':
        return this.unary(node);
      case 'binary_operator':
        return this.binary(node);
      case 'comparison_operator':
        return this.comparison(node);
      case 'boolean_operator':
        return this.booleanOperator(node);
      case 'not_operator': {
        const argument = node.childForFieldName('argument');
        const inner = argument && this.node(argument);
        if (!inner || !inner.boolean) return undefined;
        return this.merge([inner], this.dialect === 'sql' ? `NOT ${this.atom(inner)}` : `~${this.atom(inner)}`, { boolean: true, atomic: this.dialect !== 'sql' });
      }
      case 'call':
        return this.call(node);
      case 'subscript':
        return this.slice(node);
      case 'conditional_expression':
        return this.conditional(node);
      default:
        return undefined;
    }
  }

  /** A variable or constant from outside: a scalar in pandas and polars, unknown to SQL. */
  private external(node: Node): Translation | undefined {
    if (this.dialect === 'sql') return undefined;
    let base: Node | null = node;
    while (base?.type === 'attribute') base = base.childForFieldName('object');
    if (!base || base.type !== 'identifier' || this.context.reserved.has(base.text)) return undefined;
    if (node.type === 'identifier' && BUILTIN_NAMES.has(node.text) && isBuiltin(node, this.context.facts)) return undefined;
    // A frame or Series from outside would align on the index instead of broadcasting.
    if (isData(pandasKind(node, this.context.facts))) return undefined;
    return this.out(node.text, { atomic: true, external: true });
  }

  private unary(node: Node): Translation | undefined {
    const op = node.childForFieldName('operator')?.text;
    const argument = node.childForFieldName('argument');
    const inner = argument && this.node(argument);
    if (!inner) return undefined;
    if (op === '-' || op === '+') return this.merge([inner], `${op}${inner.text}`);
    // `~df["flag"]` in a mask: the column is boolean.
    const boolean = inner.boolean || (this.context.series === true && !!argument && !!this.context.ref(argument));
    if (op === '~' && boolean) return this.merge([inner], this.dialect === 'sql' ? `NOT ${this.atom(inner)}` : `~${this.atom(inner)}`, { boolean: true });
    return undefined;
  }

  private binary(node: Node): Translation | undefined {
    const op = node.childForFieldName('operator')?.text ?? '';
    const leftNode = node.childForFieldName('left');
    const rightNode = node.childForFieldName('right');
    const left = leftNode && this.node(leftNode);
    const right = rightNode && this.node(rightNode);
    if (!left || !right) return undefined;
    if (ARITHMETIC.has(op)) {
      if (this.dialect === 'sql' && op === '**') return this.merge([left, right], `pow(${left.text}, ${right.text})`, { atomic: true });
      return this.merge([left, right], `${left.text} ${op} ${right.text}`);
    }
    if ((op === '&' || op === '|') && left.boolean && right.boolean) {
      if (this.dialect === 'sql') return this.merge([left, right], `${left.text} ${op === '&' ? 'AND' : 'OR'} ${right.text}`, { boolean: true });
      return this.merge([left, right], `${left.text} ${op} ${right.text}`, { boolean: true });
    }
    return undefined;
  }

  private comparison(node: Node): Translation | undefined {
    const operands = node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    if (operands.length !== 2) return undefined;
    const operator = node.text.slice(operands[0].endIndex - node.startIndex, operands[1].startIndex - node.startIndex).trim().replace(/\s+/g, ' ');
    // `"sub" in x` on a string element: a literal substring test.
    const substring = stringValue(operands[0]);
    if ((operator === 'in' || operator === 'not in') && substring !== undefined && !this.context.series) {
      const haystack = this.node(operands[1]);
      if (!haystack) return undefined;
      const negate = operator === 'not in' ? (this.dialect === 'sql' ? 'NOT ' : '~') : '';
      const text = this.pick(
        `${negate}${this.atom(haystack)}.str.contains(${operands[0].text}, regex=False)`,
        `${negate}${this.atom(haystack)}.str.contains(${operands[0].text}, literal=True)`,
        `${negate}contains(${haystack.text}, ${sqlString(substring)})`,
      );
      // `x` might be a list (`"tag" in tags`): the vectorised form holds for strings only.
      return this.merge([haystack], text, { boolean: true, atomic: !negate, assumesText: true });
    }
    const left = this.node(operands[0]);
    if (!left) return undefined;
    if (operator === 'in' || operator === 'not in') {
      const values = literalValues(operands[1]);
      if (!values) return undefined;
      const negate = operator === 'not in';
      if (this.dialect === 'sql') {
        const list = values.map((v) => (v.string !== undefined ? sqlString(v.string) : v.text)).join(', ');
        return this.merge([left], `${left.text} ${negate ? 'NOT IN' : 'IN'} (${list})`, { boolean: true });
      }
      const list = `[${values.map((v) => v.text).join(', ')}]`;
      const method = this.dialect === 'pandas' ? 'isin' : 'is_in';
      return this.merge([left], `${negate ? '~' : ''}${this.atom(left)}.${method}(${list})`, { boolean: true, atomic: !negate });
    }
    const sql = COMPARISON_SQL[operator];
    if (!sql) return undefined;
    const right = this.node(operands[1]);
    if (!right) return undefined;
    return this.merge([left, right], `${left.text} ${this.dialect === 'sql' ? sql : operator} ${right.text}`, { boolean: true });
  }

  private booleanOperator(node: Node): Translation | undefined {
    const op = node.childForFieldName('operator')?.text;
    const leftNode = node.childForFieldName('left');
    const rightNode = node.childForFieldName('right');
    const left = leftNode && this.node(leftNode);
    const right = rightNode && this.node(rightNode);
    if (!left || !right || !left.boolean || !right.boolean) return undefined;
    if (this.dialect === 'sql') return this.merge([left, right], `${left.text} ${op === 'and' ? 'AND' : 'OR'} ${right.text}`, { boolean: true });
    // `&` and `|` bind tighter than comparisons: each side needs brackets.
    const side = (t: Translation) => (t.atomic ? t.text : `(${t.text})`);
    return this.merge([left, right], `${side(left)} ${op === 'and' ? '&' : '|'} ${side(right)}`, { boolean: true });
  }

  private call(node: Node): Translation | undefined {
    const parts = callParts(node);
    if (!parts || parts.hasSplat || parts.keywords.size) return undefined;
    const { facts } = this.context;
    const fn = node.childForFieldName('function')!;
    const args = parts.positional;
    if (!parts.receiver) {
      if (!isBuiltin(fn, facts)) return undefined;
      const [first, second] = args;
      const inner = first && this.node(first);
      if (!inner) return undefined;
      switch (parts.name) {
        case 'abs':
          if (args.length !== 1) return undefined;
          return this.merge([inner], this.dialect === 'sql' ? `abs(${inner.text})` : `${this.atom(inner)}.abs()`, { atomic: true });
        case 'round': {
          if (args.length > 2 || (second && second.type !== 'integer')) return undefined;
          const digits = second?.text ?? '0';
          if (this.dialect === 'sql') return this.merge([inner], `round(${inner.text}, ${digits})`, { atomic: true });
          return this.merge([inner], `${this.atom(inner)}.round(${second ? digits : ''})`, { atomic: true });
        }
        case 'len':
          if (args.length !== 1) return undefined;
          return this.merge([inner], this.pick(`${this.atom(inner)}.str.len()`, `${this.atom(inner)}.str.len_chars()`, `length(${inner.text})`), { atomic: true });
        case 'str':
          if (args.length !== 1) return undefined;
          return this.merge([inner], this.pick(`${this.atom(inner)}.astype(str)`, `${this.atom(inner)}.cast(${this.context.polars}.String)`, `CAST(${inner.text} AS VARCHAR)`), { atomic: true });
        case 'int':
          if (args.length !== 1) return undefined;
          return this.merge([inner], this.pick(`${this.atom(inner)}.astype(int)`, `${this.atom(inner)}.cast(${this.context.polars}.Int64)`, `CAST(${inner.text} AS BIGINT)`), { atomic: true });
        case 'float':
          if (args.length !== 1) return undefined;
          return this.merge([inner], this.pick(`${this.atom(inner)}.astype(float)`, `${this.atom(inner)}.cast(${this.context.polars}.Float64)`, `CAST(${inner.text} AS DOUBLE)`), { atomic: true });
        default:
          return undefined;
      }
    }
    const qualified = fn.type === 'attribute' ? facts.resolve(fn) : undefined;
    if (qualified) return this.moduleCall(qualified, args);
    if (this.context.series) return this.seriesMethod(parts.receiver, parts.name, args);
    return this.stringMethod(parts.receiver, parts.name, args);
  }

  /** Methods of a Series that a mask uses: `.isin()`, `.between()`, `.isna()`, `.str.contains()`. */
  private seriesMethod(receiver: Node, name: string, args: Node[]): Translation | undefined {
    const accessor = receiver.type === 'attribute' && receiver.childForFieldName('attribute')?.text === 'str';
    const target = accessor ? receiver.childForFieldName('object') : receiver;
    const inner = target && this.node(target);
    if (!inner) return undefined;
    const atom = this.atom(inner);
    if (accessor) {
      const literal = args.map((a) => stringValue(a));
      if (literal.some((v) => v === undefined)) return undefined;
      const [first] = literal as string[];
      if ((name === 'contains' || name === 'startswith' || name === 'endswith') && args.length === 1) {
        const polars = name === 'contains' ? 'contains' : name === 'startswith' ? 'starts_with' : 'ends_with';
        const sql = name === 'contains' ? `regexp_matches(${inner.text}, ${sqlString(first)})` : `${polars}(${inner.text}, ${sqlString(first)})`;
        return this.merge([inner], this.pick(`${atom}.str.${name}(${args[0].text})`, `${atom}.str.${polars}(${args[0].text})`, sql), { atomic: true, boolean: true });
      }
      const method = STRING_METHODS[name];
      if (method && args.length === 0 && !name.endsWith('with')) {
        if (this.dialect === 'sql' && !method.sql) return undefined;
        return this.merge([inner], this.pick(`${atom}.str.${method.pandas}()`, `${atom}.str.${method.polars}()`, `${method.sql}(${inner.text})`), { atomic: true });
      }
      if (name === 'len' && args.length === 0) return this.merge([inner], this.pick(`${atom}.str.len()`, `${atom}.str.len_chars()`, `length(${inner.text})`), { atomic: true });
      return undefined;
    }
    switch (name) {
      case 'isin': {
        const values = args.length === 1 ? literalValues(args[0]) : undefined;
        if (!values) return undefined;
        const sqlList = values.map((v) => (v.string !== undefined ? sqlString(v.string) : v.text)).join(', ');
        const list = `[${values.map((v) => v.text).join(', ')}]`;
        return this.merge([inner], this.pick(`${atom}.isin(${list})`, `${atom}.is_in(${list})`, `${inner.text} IN (${sqlList})`), { atomic: this.dialect !== 'sql', boolean: true });
      }
      case 'isna':
      case 'isnull':
      case 'notna':
      case 'notnull': {
        if (args.length) return undefined;
        const negate = name.startsWith('not');
        return this.merge([inner], this.pick(`${atom}.${negate ? 'notna' : 'isna'}()`, `${atom}.${negate ? 'is_not_null' : 'is_null'}()`, `${inner.text} IS ${negate ? 'NOT ' : ''}NULL`), { atomic: this.dialect !== 'sql', boolean: true });
      }
      case 'between': {
        if (args.length !== 2) return undefined;
        const [low, high] = args.map((a) => this.node(a));
        if (!low || !high) return undefined;
        return this.merge([inner, low, high], this.pick(`${atom}.between(${low.text}, ${high.text})`, `${atom}.is_between(${low.text}, ${high.text})`, `${inner.text} BETWEEN ${low.text} AND ${high.text}`), { atomic: this.dialect !== 'sql', boolean: true });
      }
      case 'abs':
        return args.length ? undefined : this.merge([inner], this.dialect === 'sql' ? `abs(${inner.text})` : `${atom}.abs()`, { atomic: true });
      case 'round': {
        if (args.length > 1 || (args[0] && args[0].type !== 'integer')) return undefined;
        const digits = args[0]?.text ?? '0';
        return this.merge([inner], this.dialect === 'sql' ? `round(${inner.text}, ${digits})` : `${atom}.round(${args[0] ? digits : ''})`, { atomic: true });
      }
      default:
        return undefined;
    }
  }

  /** `s.dt.year` on a Series (a method in polars, a function in SQL). */
  private datetimePart(node: Node): Translation | undefined {
    if (!this.context.series) return undefined;
    const part = node.childForFieldName('attribute')?.text ?? '';
    const accessor = node.childForFieldName('object');
    if (!DATETIME_PARTS.has(part) || accessor?.type !== 'attribute' || accessor.childForFieldName('attribute')?.text !== 'dt') return undefined;
    const target = accessor.childForFieldName('object');
    const inner = target && this.node(target);
    if (!inner) return undefined;
    return this.merge([inner], this.pick(`${this.atom(inner)}.dt.${part}`, `${this.atom(inner)}.dt.${part}()`, `${part}(${inner.text})`), { atomic: true });
  }

  private pick(pandas: string, polars: string, sql: string | undefined): string {
    return this.dialect === 'pandas' ? pandas : this.dialect === 'polars' ? polars : (sql ?? '');
  }

  /** `np.sqrt(x)`, `math.sqrt(x)`, `pd.isna(x)`. */
  private moduleCall(qualified: string, args: Node[]): Translation | undefined {
    if (args.length !== 1) return undefined;
    const inner = this.node(args[0]);
    if (!inner) return undefined;
    const [module, name, extra] = qualified.split('.');
    if (extra !== undefined) return undefined;
    if (module === 'pandas' && (name === 'isna' || name === 'isnull' || name === 'notna' || name === 'notnull')) {
      const negate = name.startsWith('not');
      return this.merge([inner], this.pick(`${this.atom(inner)}.${negate ? 'notna' : 'isna'}()`, `${this.atom(inner)}.${negate ? 'is_not_null' : 'is_null'}()`, `${inner.text} IS ${negate ? 'NOT ' : ''}NULL`), { boolean: true, atomic: this.dialect !== 'sql' });
    }
    const ufunc = (module === 'numpy' || module === 'math') && UFUNCS[name === 'fabs' ? 'abs' : name];
    if (!ufunc || (module === 'math' && name === 'abs')) return undefined;
    if (this.dialect === 'sql') return this.merge([inner], `${ufunc.sql}(${inner.text})`, { atomic: true });
    if (this.dialect === 'polars') return this.merge([inner], `${this.atom(inner)}.${ufunc.polars}()`, { atomic: true });
    return this.merge([inner], `${this.context.numpy}.${name === 'fabs' ? 'abs' : name}(${inner.text})`, { atomic: true, numpy: true });
  }

  private stringMethod(receiver: Node, name: string, args: Node[]): Translation | undefined {
    const inner = this.node(receiver);
    if (!inner) return undefined;
    if (name === 'replace') {
      const [from, to] = args.map((a) => stringValue(a));
      if (args.length !== 2 || from === undefined || to === undefined) return undefined;
      return this.merge([inner], this.pick(
        `${this.atom(inner)}.str.replace(${args[0].text}, ${args[1].text}, regex=False)`,
        `${this.atom(inner)}.str.replace_all(${args[0].text}, ${args[1].text}, literal=True)`,
        `replace(${inner.text}, ${sqlString(from)}, ${sqlString(to)})`,
      ), { atomic: true });
    }
    const method = STRING_METHODS[name];
    if (!method || !method.args.includes(args.length)) return undefined;
    const literal = args.map((a) => stringValue(a));
    if (literal.some((v) => v === undefined)) return undefined;
    if (this.dialect === 'sql') {
      if (!method.sql) return undefined;
      return this.merge([inner], `${method.sql}(${[inner.text, ...literal.map((v) => sqlString(v!))].join(', ')})`, { atomic: true, boolean: name.endsWith('with') });
    }
    const call = this.dialect === 'pandas' ? method.pandas : method.polars;
    return this.merge([inner], `${this.atom(inner)}.str.${call}(${args.map((a) => a.text).join(', ')})`, { atomic: true, boolean: name.endsWith('with') });
  }

  /** `x[:3]`, `x[1:4]` on a string. */
  private slice(node: Node): Translation | undefined {
    const value = node.childForFieldName('value');
    const keys = node.childrenForFieldName('subscript').filter((n): n is Node => !!n);
    if (!value || keys.length !== 1 || keys[0].type !== 'slice') return undefined;
    const bounds = keys[0].namedChildren.filter((n): n is Node => !!n);
    if (keys[0].text.split(':').length !== 2 || bounds.some((b) => b.type !== 'integer')) return undefined;
    const text = keys[0].text.replace(/\s+/g, '');
    const [startText, stopText] = text.split(':');
    const start = startText ? Number(startText) : 0;
    const stop = stopText ? Number(stopText) : undefined;
    if (start < 0 || (stop !== undefined && stop < start)) return undefined;
    const inner = this.node(value);
    if (!inner) return undefined;
    const length = stop === undefined ? '' : `, ${stop - start}`;
    const sql = stop === undefined ? `substr(${inner.text}, ${start + 1})` : `substr(${inner.text}, ${start + 1}, ${stop - start})`;
    return this.merge([inner], this.pick(`${this.atom(inner)}.str[${text}]`, `${this.atom(inner)}.str.slice(${start}${length})`, sql), { atomic: true });
  }

  private conditional(node: Node): Translation | undefined {
    const [whenTrue, condition, whenFalse] = node.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment');
    if (!whenTrue || !condition || !whenFalse) return undefined;
    const a = this.node(whenTrue);
    const c = this.node(condition);
    const b = this.node(whenFalse);
    if (!a || !b || !c || !c.boolean) return undefined;
    if (this.dialect === 'sql') return this.merge([a, b, c], `CASE WHEN ${c.text} THEN ${a.text} ELSE ${b.text} END`, { atomic: true });
    if (this.dialect === 'polars') {
      const pl = this.context.polars;
      return this.merge([a, b, c], `${pl}.when(${c.text}).then(${a.text}).otherwise(${b.text})`, { atomic: true });
    }
    return this.merge([a, b, c], `${this.context.numpy}.where(${c.text}, ${a.text}, ${b.text})`, { atomic: true, numpy: true, array: true });
  }
}
