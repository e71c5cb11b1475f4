// Incremental analysis of an edited document: the parts of Engine.analyzeEdited that find
// the *unit* an edit is in — a top-level def, a method of a top-level class, or another
// top-level statement that neither imports nor defines a class — and move everything else
// by the edit's length (findings, fixes, units, the module facts kept as data). The engine
// then analyses that unit alone (queries under its node only). An edit elsewhere (an import,
// a class header, between units), a syntax error, or a fix of another finding that edits the
// unit takes a whole-file analysis. Rules that look across defs (a coroutine calling a helper
// that blocks) may see a stale answer until then: the result is provisional, and the editor
// asks for a whole-file analysis once typing pauses.
import type { Node, Tree } from 'web-tree-sitter';
import type { BindingItem, ModuleFacts, NodeRef, ScopeData } from './module-facts';
import type { CommentText } from '../suppression';
import type { LineIndex } from '../positions';
import type { EditedFinding, Finding, Fix, TextEdit } from '../types';

/**
 * Code the incremental path can analyse alone: a top-level def or a method of a top-level
 * class (range, body range, the class around it), or another top-level statement that
 * neither defines a class nor imports (its body is the whole statement).
 */
export interface Unit {
  kind: 'def' | 'statement';
  start: number;
  end: number;
  bodyStart: number;
  bodyEnd: number;
  /** Start of the top-level class (or decorated class) whose body holds the def: a method. */
  classStart?: number;
  /** Its imports, `global` names and module-level bindings, as text: what it tells the rest of the file. */
  outward: string;
}

/** Where two texts differ: the old text's [start, oldEnd) became the new text's [start, newEnd). */
export interface Span {
  start: number;
  oldEnd: number;
  newEnd: number;
}

/** The smallest span that turns `before` into `after`, or undefined when they are equal. */
export function changedSpan(before: string, after: string): Span | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  // Compare in blocks first: native string equality beats a character loop on long texts.
  for (let block = 4096; block >= 1; block >>= 4) {
    while (start + block <= shorter && before.slice(start, start + block) === after.slice(start, start + block)) start += block;
  }
  let common = 0;
  const maxSuffix = shorter - start;
  for (let block = 4096; block >= 1; block >>= 4) {
    while (
      common + block <= maxSuffix &&
      before.slice(before.length - common - block, before.length - common) === after.slice(after.length - common - block, after.length - common)
    ) {
      common += block;
    }
  }
  return { start, oldEnd: before.length - common, newEnd: after.length - common };
}

/** Top-level statements that are never a unit of their own. */
const NOT_UNITS = new Set(['class_definition', 'import_statement', 'import_from_statement', 'future_import_statement', 'comment']);

/**
 * The units of a tree, ascending: top-level defs and statements, and the defs directly in
 * top-level classes, with decorators. `outward` is what a whole-file analysis found.
 */
export function unitsOf(root: Node, outward: readonly { start: number; text: string }[]): Unit[] {
  const units: Unit[] = [];
  for (let statement = root.firstNamedChild; statement; statement = statement.nextNamedSibling) {
    const definition = definitionOf(statement);
    if (definition?.type === 'function_definition') pushUnit(units, statement, definition);
    else if (definition && !NOT_UNITS.has(definition.type) && !statement.hasError) {
      units.push({ kind: 'statement', start: statement.startIndex, end: statement.endIndex, bodyStart: statement.startIndex, bodyEnd: statement.endIndex, outward: '' });
    } else if (definition?.type === 'class_definition') {
      for (let member = definition.childForFieldName('body')?.firstNamedChild ?? null; member; member = member.nextNamedSibling) {
        const method = definitionOf(member);
        if (method?.type === 'function_definition') pushUnit(units, member, method, statement.startIndex);
      }
    }
  }
  const sorted = [...outward].sort((a, b) => a.start - b.start);
  let k = 0;
  for (const unit of units) {
    while (k < sorted.length && sorted[k].start < unit.start) k++;
    const texts: string[] = [];
    for (; k < sorted.length && sorted[k].start < unit.end; k++) texts.push(sorted[k].text);
    unit.outward = outwardKey(texts);
  }
  return units;
}

/** Order-free key of a def's import and `global` statements. */
export function outwardKey(texts: readonly string[]): string {
  return [...texts].sort().join('\n');
}

function pushUnit(units: Unit[], statement: Node, definition: Node, classStart?: number): void {
  const body = definition.childForFieldName('body');
  if (!body) return;
  units.push({ kind: 'def', start: statement.startIndex, end: statement.endIndex, bodyStart: body.startIndex, bodyEnd: body.endIndex, classStart, outward: '' });
}

/** The def or class a statement is, through its decorators. */
function definitionOf(statement: Node): Node | null {
  return statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
}

/**
 * The unit the whole span is in (in the old text's offsets), after its first character and
 * either in its header or in its body, not across the two.
 */
export function unitAround(units: readonly Unit[], span: Span): Unit | undefined {
  let low = 0;
  let high = units.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const unit = units[mid];
    if (span.oldEnd <= unit.start) high = mid - 1;
    else if (span.start > unit.bodyEnd) low = mid + 1;
    else {
      const inside = unit.start < span.start && span.oldEnd <= unit.bodyEnd;
      const across = span.start < unit.bodyStart && span.oldEnd > unit.bodyStart;
      return inside && !across ? unit : undefined;
    }
  }
  return undefined;
}

/**
 * The unit an edit belongs to (old offsets): the one whose header or body holds the span, or
 * the one just before it when only whitespace lies between them (a line typed after the last
 * statement of a def). `covered` is that unit stretched to the end of the span.
 */
export function unitOfEdit(units: readonly Unit[], span: Span, before: string): { unit: Unit; covered: Unit } | undefined {
  const unit = unitAround(units, span) ?? unitJustBefore(units, span, before);
  if (!unit) return undefined;
  if (span.oldEnd <= unit.end) return { unit, covered: unit };
  return { unit, covered: { ...unit, end: span.oldEnd, bodyEnd: Math.max(unit.bodyEnd, span.oldEnd) } };
}

function unitJustBefore(units: readonly Unit[], span: Span, before: string): Unit | undefined {
  let low = 0;
  let high = units.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (units[mid].end <= span.start) low = mid + 1;
    else high = mid;
  }
  const unit = units[low - 1];
  const next = units[low];
  if (!unit || (next && span.oldEnd > next.start)) return undefined;
  return isBlank(before, unit.end, span.start) ? unit : undefined;
}

/** Only spaces, tabs and line breaks between the two offsets (in either order). */
export function isBlank(text: string, from: number, to: number): boolean {
  return /^[ \t\f\r\n]*$/.test(text.slice(Math.min(from, to), Math.max(from, to)));
}

/** Whether the span is in the unit's header (decorators, name, parameters, return annotation). */
export function inHeader(unit: Unit, span: Span): boolean {
  return span.start < unit.bodyStart;
}

/**
 * The statement node of a unit in the current tree, if the tree still has one of its kind
 * starting there (with its body where the edit leaves it). Where it ends is the caller's to check.
 */
export function unitNode(tree: Tree, unit: Unit, delta: number, header: boolean): { node: Node; bodyStart: number; enclosingClass?: Node } | undefined {
  const root = tree.rootNode;
  if (root.hasError) return undefined;
  let container = root;
  let enclosingClass: Node | undefined;
  if (unit.classStart !== undefined) {
    const statement = root.firstNamedChildForIndex(unit.classStart);
    const definition = statement && statement.startIndex === unit.classStart ? definitionOf(statement) : null;
    const body = definition?.type === 'class_definition' ? definition.childForFieldName('body') : null;
    if (!body) return undefined;
    enclosingClass = definition!;
    container = body;
  }
  const node = container.firstNamedChildForIndex(unit.start);
  if (unit.kind === 'statement') {
    const same = node && node.startIndex === unit.start && !NOT_UNITS.has(definitionOf(node)?.type ?? 'comment');
    return same && node.type !== 'decorated_definition' && node.type !== 'function_definition' ? { node, bodyStart: node.startIndex } : undefined;
  }
  const definition = node && node.startIndex === unit.start ? definitionOf(node) : null;
  const body = definition?.type === 'function_definition' ? definition.childForFieldName('body') : null;
  // After a header edit the body moves; a line typed where the body starts may push it down.
  const starts = header ? [unit.bodyStart + delta] : [unit.bodyStart, unit.bodyStart + delta];
  if (!node || !body || !starts.includes(body.startIndex) || body.endIndex !== node.endIndex) return undefined;
  return { node, bodyStart: body.startIndex, enclosingClass };
}

/** Moves an offset of the old text into the new one; undefined when it falls inside the changed unit. */
export type OffsetMap = (offset: number) => number | undefined;

export function offsetMap(unit: Unit, delta: number): OffsetMap {
  return (offset) => (offset <= unit.start ? offset : offset >= unit.end ? offset + delta : undefined);
}

/**
 * The findings outside the changed unit, moved into the new text, or undefined when one of
 * them has a fix that edits inside the unit (its offsets there cannot be moved).
 */
export function keptFindings(
  findings: readonly EditedFinding[],
  unit: Unit,
  delta: number,
  /** The new text's lines: a moved finding's position is read there (the edit may share its line: a space typed before a method's `def`). */
  lines: LineIndex,
  /** Old offsets no fix may touch: the unit and a line around it (a fix removing lines decides how many blank lines go too). */
  near: { from: number; to: number } = { from: unit.start + 1, to: unit.end - 1 },
): EditedFinding[] | undefined {
  const move = offsetMap(unit, delta);
  const reachesInto = (edit: TextEdit) => edit.start <= near.to && edit.end >= near.from;
  const kept: EditedFinding[] = [];
  for (const finding of findings) {
    if (finding.start >= unit.start && finding.end <= unit.end) continue; // analysed again
    const start = move(finding.start);
    const end = move(finding.end);
    if (start === undefined || end === undefined) return undefined;
    // A fix that edits inside the unit was written for its old text.
    if (finding.fixes.some((fix) => fix.edits.some(reachesInto))) return undefined;
    const fixes = moveFixes(finding.fixes, move);
    const disable = finding.disable && moveEdits([finding.disable], move)?.[0];
    if (!fixes || (finding.disable && !disable)) return undefined;
    // A position before the unit keeps its line and column; one after it is read again even
    // when its offset did not move: a character replaced by a line break keeps the length
    // but not the line.
    const startMoved = finding.start >= unit.start;
    const endMoved = finding.end > unit.start;
    if (!startMoved && !endMoved && fixes === finding.fixes && disable === finding.disable) {
      kept.push(finding);
      continue;
    }
    const range = {
      start: startMoved ? lines.positionAt(start) : finding.range.start,
      end: endMoved ? lines.positionAt(end) : finding.range.end,
    };
    kept.push(editedFinding(finding, disable, start, end, range, fixes));
  }
  return kept;
}

export function moveFixes(fixes: Fix[], move: OffsetMap): Fix[] | undefined {
  let moved: Fix[] | undefined;
  for (let i = 0; i < fixes.length; i++) {
    const edits = moveEdits(fixes[i].edits, move);
    if (!edits) return undefined;
    if (edits !== fixes[i].edits) {
      moved ??= fixes.slice();
      moved[i] = { ...fixes[i], edits };
    }
  }
  return moved ?? fixes;
}

export function moveEdits(edits: TextEdit[], move: OffsetMap): TextEdit[] | undefined {
  let moved: TextEdit[] | undefined;
  for (let i = 0; i < edits.length; i++) {
    const edit = edits[i];
    const start = move(edit.start);
    const end = move(edit.end);
    if (start === undefined || end === undefined) return undefined;
    if (start !== edit.start) {
      moved ??= edits.slice();
      moved[i] = { ...edit, start, end };
    }
  }
  return moved ?? edits;
}

/**
 * A finding with its "Disable for this line" edit, spelled out in one property order: one
 * object shape for all findings keeps the loops over them fast.
 */
export function editedFinding(
  finding: Finding,
  disable: TextEdit | undefined,
  start = finding.start,
  end = finding.end,
  range = finding.range,
  fixes = finding.fixes,
): EditedFinding {
  return {
    rule: finding.rule,
    family: finding.family,
    trend: finding.trend,
    severity: finding.severity,
    message: finding.message,
    start,
    end,
    range,
    peers: finding.peers,
    ...(finding.peer ? { peer: finding.peer } : {}),
    fixes,
    suggestion: finding.suggestion,
    tags: finding.tags,
    disable,
  };
}

/**
 * Earlier findings inside the unit that its analysis alone cannot give again (rules that
 * read other defs), moved past the edit; those whose code the edit touched are dropped.
 */
export function carriedFindings(
  findings: readonly EditedFinding[],
  unit: Unit,
  span: Span,
  carry: (f: Finding) => boolean,
  lines: LineIndex,
  /** Its line may have changed: "disable for this line" is asked again. */
  disableFor: (moved: Finding) => TextEdit | undefined = () => undefined,
): EditedFinding[] {
  const delta = span.newEnd - span.oldEnd;
  const move: OffsetMap = (offset) => (offset <= span.start ? offset : offset >= span.oldEnd ? offset + delta : undefined);
  const carried: EditedFinding[] = [];
  // The finding's text and fixes quote the code around it: one the edit reached into is stale.
  const touched = (from: number, to: number) => span.start < to && span.oldEnd > from;
  for (const finding of findings) {
    if (finding.start < unit.start || finding.end > unit.end || !carry(finding)) continue;
    if (touched(finding.start, finding.end) || finding.fixes.some((fix) => fix.edits.some((e) => touched(e.start, e.end)))) continue;
    const start = move(finding.start);
    const end = move(finding.end);
    const fixes = moveFixes(finding.fixes, move);
    if (start === undefined || end === undefined || !fixes) continue;
    const range = { start: lines.positionAt(start), end: lines.positionAt(end) };
    const moved = editedFinding(finding, undefined, start, end, range, fixes);
    moved.disable = disableFor(moved);
    carried.push(moved);
  }
  return carried;
}

/**
 * The module facts for analysing the unit again: offsets after it moved, its own imports,
 * bindings and assignments in the module or its class left out (its analysis finds them again).
 */
export function movedModuleFacts(module: ModuleFacts, unit: Unit, delta: number, newEnd = unit.end + delta, lastToken = unit.end): ModuleFacts {
  // A node after the unit moves. One around it (the class of a method) ends where the unit
  // now ends if it ended with it (at `lastToken`, the unit's last token), else moves.
  const ref = (r: NodeRef): NodeRef => {
    if (r.start >= unit.end) return delta ? { start: r.start + delta, end: r.end + delta, type: r.type } : r;
    if (r.end < lastToken) return r;
    const end = r.end <= unit.end ? newEnd : r.end + delta;
    return end === r.end ? r : { start: r.start, end, type: r.type };
  };
  const outside = (start: number) => start < unit.start || start >= unit.end;
  const scope = (data: ScopeData): ScopeData => {
    const assignments: ScopeData['assignments'] = [];
    for (const [name, values] of data.assignments) {
      const kept = values.filter((v) => outside(v.at)).map((v) => ({ value: ref(v.value), at: v.at >= unit.end ? v.at + delta : v.at }));
      if (kept.length) assignments.push([name, kept]);
    }
    // Imports in the unit (a module-level `if`) are found again by its analysis.
    const imports = data.imports.filter((b) => outside(b.node.start)).map((b) => (delta ? { ...b, node: ref(b.node) } : b));
    return { imports, assignments };
  };
  const definitions: ModuleFacts['definitions'] = [];
  for (const [name, refs] of module.definitions) {
    const kept = refs.filter((r) => outside(r.start)).map(ref);
    if (kept.length) definitions.push([name, kept]);
  }
  const bindings: BindingItem[] = [];
  for (const item of module.bindings) {
    if (!outside(item.start)) continue;
    const moved = item.start >= unit.end ? { ...item, start: item.start + delta, scope: item.scope >= unit.end ? item.scope + delta : item.scope } : item;
    bindings.push(moved);
  }
  return {
    ...module,
    module: scope(module.module),
    bindings,
    classes: module.classes.map(([start, data]) => [start >= unit.end ? start + delta : start, scope(data)]),
    definitions,
  };
}

/** The units after an edit inside `unit`. */
export function movedUnits(
  units: readonly Unit[],
  unit: Unit,
  delta: number,
  newBodyStart = unit.bodyStart,
  newEnd = unit.end + delta,
): Unit[] {
  const moved = (u: Unit, start: number, end: number, bodyStart: number, bodyEnd: number, classStart: number | undefined): Unit => ({
    kind: u.kind,
    start,
    end,
    bodyStart,
    bodyEnd,
    classStart,
    outward: u.outward,
  });
  return units.map((u) => {
    // A def's body ends with it; a statement is its own body.
    if (u === unit) return moved(u, u.start, newEnd, newBodyStart, newEnd, u.classStart);
    if (u.start < unit.start || !delta) return u;
    const classStart = u.classStart !== undefined && u.classStart >= unit.end ? u.classStart + delta : u.classStart;
    return moved(u, u.start + delta, u.end + delta, u.bodyStart + delta, u.bodyEnd + delta, classStart);
  });
}

/** The comments outside the unit, moved, plus the unit's new ones. */
export function movedComments(comments: readonly CommentText[], unit: Unit, delta: number, inUnit: readonly Node[]): CommentText[] {
  const before = comments.filter((c) => c.startIndex < unit.start);
  const after = comments.filter((c) => c.startIndex >= unit.end).map((c) => (delta ? { startIndex: c.startIndex + delta, text: c.text } : c));
  return [...before, ...inUnit.map((c) => ({ startIndex: c.startIndex, text: c.text })), ...after];
}

/** Old offsets from the start of the line before `from`'s line to the end of the line after `to`'s. */
export function lineAround(text: string, from: number, to: number): { from: number; to: number } {
  const lineStart = text.lastIndexOf('\n', from - 1);
  const before = lineStart <= 0 ? 0 : text.lastIndexOf('\n', lineStart - 1) + 1;
  const lineEnd = text.indexOf('\n', to);
  const after = lineEnd === -1 ? text.length : text.indexOf('\n', lineEnd + 1);
  return { from: before, to: after === -1 ? text.length : after };
}

/** Number of line breaks in a text. */
export function lineBreaks(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
