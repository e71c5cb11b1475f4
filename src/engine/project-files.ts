// Project files that declare the oldest Python a project runs on — pyproject.toml's
// `requires-python`, setup.cfg's and setup.py's `python_requires`, `.python-version`, a
// Dockerfile's `FROM python:3.X` — read as text (pure: text in, findings out), for the rule
// `end-of-life-python`. The adapters find the files and pass "today" (the run's clock).
import { lowerBoundOf, isRuleEnabled } from './config';
import { LineIndex } from './positions';
import { endOfLifeOn, oldestSupported, SPEED_SOURCE, speedupsBetween, versionText, PYTHON_RELEASES } from './python-releases';
import { Suppressions, type CommentText } from './suppression';
import { renderTemplate } from './template';
import type { Finding, PythonVersion, RuleConfig, RuleMeta } from './types';

export const END_OF_LIFE_RULE = 'end-of-life-python';

export type ProjectFileKind = 'pyproject' | 'setup-cfg' | 'setup-py' | 'python-version' | 'dockerfile';

/** The project files looked at, by file name. */
export const PROJECT_FILE_NAMES: Readonly<Record<string, ProjectFileKind>> = {
  'pyproject.toml': 'pyproject',
  'setup.cfg': 'setup-cfg',
  'setup.py': 'setup-py',
  '.python-version': 'python-version',
  Dockerfile: 'dockerfile',
};

export function projectFileKind(fileName: string): ProjectFileKind | undefined {
  return Object.prototype.hasOwnProperty.call(PROJECT_FILE_NAMES, fileName) ? PROJECT_FILE_NAMES[fileName] : undefined;
}

/** A version a project file declares: its lowest Python, and where the text says it (UTF-16 offsets). */
export interface DeclaredPython {
  version: PythonVersion;
  start: number;
  end: number;
  /** What declares it, for the message: `requires-python`, `FROM python:3.8`, … */
  subject: string;
  /** Offset where the line's comment may start (after the declaration's value). */
  commentFrom: number;
}

/** A string value `key = "…"` / `key='…'` on one line; the clause of its lower bound. */
const SPECIFIER_CLAUSE = /(?:>=|~=|==|===|>)\s*3(?:\.(?:\d+|\*))?(?:\.\d+)*/g;

/** `>=2.7`: a Python 2 lower bound, which `lowerBoundOf` (Python 3 targets) leaves out. */
const PYTHON2_CLAUSE = /(?:>=|~=|==|===|>)\s*2(?:\.(\d+))?(?:\.[\d*]+)*/;

function lowerBoundClause(specifier: string, offset: number): { start: number; end: number; version: PythonVersion } | undefined {
  const version = lowerBoundOf(specifier);
  if (!version) {
    const python2 = PYTHON2_CLAUSE.exec(specifier);
    return python2 ? { start: offset + python2.index, end: offset + python2.index + python2[0].length, version: [2, Number(python2[1] ?? 0)] } : undefined;
  }
  // The clause that sets the bound (the highest of several lower bounds).
  for (const match of specifier.matchAll(SPECIFIER_CLAUSE)) {
    const clause = lowerBoundOf(match[0]);
    if (clause && clause[1] === version[1]) return { start: offset + match.index!, end: offset + match.index! + match[0].length, version };
  }
  return undefined;
}

interface Line {
  text: string;
  start: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const raw of text.split('\n')) {
    lines.push({ text: raw.replace(/\r$/, ''), start });
    start += raw.length + 1;
  }
  return lines;
}

/** `requires-python = ">=3.8"` in `[project]` (single-line basic or literal strings). */
function fromPyproject(text: string): DeclaredPython[] {
  const found: DeclaredPython[] = [];
  let table = '';
  for (const line of linesOf(text)) {
    const header = /^\s*\[\s*([^\]]+?)\s*\]/.exec(line.text);
    if (header && !line.text.trimStart().startsWith('[[')) table = header[1].replace(/\s+/g, '');
    else if (header) table = '';
    if (table !== 'project') continue;
    const match = /^(\s*(?:requires-python|"requires-python")\s*=\s*)(["'])([^"'\n]*)\2/.exec(line.text);
    if (!match) continue;
    const valueStart = line.start + match[1].length + 1;
    const clause = lowerBoundClause(match[3], valueStart);
    if (clause) found.push({ ...clause, subject: '`requires-python`', commentFrom: valueStart + match[3].length + 1 });
  }
  return found;
}

/** `python_requires = >=3.7` (or `python-requires`) in `[options]`. */
function fromSetupCfg(text: string): DeclaredPython[] {
  const found: DeclaredPython[] = [];
  let section = '';
  for (const line of linesOf(text)) {
    const header = /^\s*\[\s*([^\]]+?)\s*\]\s*$/.exec(line.text);
    if (header) section = header[1];
    if (section !== 'options') continue;
    const match = /^(python[_-]requires\s*[=:]\s*)(["']?)([^"'#;\n]*)/.exec(line.text);
    if (!match) continue;
    const valueStart = line.start + match[1].length + match[2].length;
    const clause = lowerBoundClause(match[3], valueStart);
    if (clause) found.push({ ...clause, subject: '`python_requires`', commentFrom: valueStart + match[3].length });
  }
  return found;
}

/** `python_requires=">=3.7"` as a string literal on one line, outside comments. */
function fromSetupPy(text: string): DeclaredPython[] {
  const found: DeclaredPython[] = [];
  for (const line of linesOf(text)) {
    const match = /\bpython_requires\s*=\s*(["'])([^"'\n]*)\1/.exec(line.text);
    if (!match || line.text.slice(0, match.index).includes('#')) continue;
    const valueStart = line.start + match.index + match[0].length - match[2].length - 1;
    const clause = lowerBoundClause(match[2], valueStart);
    if (clause) found.push({ ...clause, subject: '`python_requires`', commentFrom: valueStart + match[2].length + 1 });
  }
  return found;
}

/** `.python-version`: one version per line (pyenv reads several), `3.8.10`; not `pypy3.8` or `system`. */
function fromPythonVersion(text: string): DeclaredPython[] {
  const found: DeclaredPython[] = [];
  for (const line of linesOf(text)) {
    const match = /^(\s*)(([23])\.(\d+)(?:\.\d+)?(?:[abc]|rc)?\d*t?)\s*(?:#.*)?$/.exec(line.text);
    if (!match) continue;
    const start = line.start + match[1].length;
    found.push({ version: [Number(match[3]), Number(match[4])], start, end: start + match[2].length, subject: '`.python-version`', commentFrom: start + match[2].length });
  }
  return found;
}

/** `FROM python:3.8-slim` (also `docker.io/library/python:3.8`, `--platform=…`, `AS build`): the `3.8` of the tag. */
function fromDockerfile(text: string): DeclaredPython[] {
  const found: DeclaredPython[] = [];
  for (const line of linesOf(text)) {
    const match = /^(\s*FROM\s+(?:--\S+\s+)*(?:[\w.-]+(?::\d+)?\/)?(?:library\/)?python:)(([23])\.(\d+))(?![\d.]*\$)(?=[\d.]*(?:-|\s|@|$))/i.exec(line.text);
    if (!match) continue;
    const start = line.start + match[1].length;
    found.push({ version: [Number(match[3]), Number(match[4])], start, end: start + match[2].length, subject: `\`FROM python:${match[2]}\``, commentFrom: line.start + line.text.length });
  }
  return found;
}

export function declaredPythons(kind: ProjectFileKind, text: string): DeclaredPython[] {
  switch (kind) {
    case 'pyproject':
      return fromPyproject(text);
    case 'setup-cfg':
      return fromSetupCfg(text);
    case 'setup-py':
      return fromSetupPy(text);
    case 'python-version':
      return fromPythonVersion(text);
    case 'dockerfile':
      return fromDockerfile(text);
  }
}

/** Findings per rule, at one target: how many, and how many carry a fix. */
export type RuleCounts = Record<string, { findings: number; fixable: number }>;

/** What the project's Python files report at the declared target and at the supported one. */
export interface UpgradeCounts {
  /** The target the project's Python files were analysed at instead (the oldest supported). */
  target: PythonVersion;
  current: RuleCounts;
  next: RuleCounts;
}

export interface ProjectFileOptions {
  /** The run's clock ("today"), injected for tests. */
  today: Date;
  config: RuleConfig;
  /** The findings a supported target would add (or remove), when the adapter counted them. */
  counts?: UpgradeCounts;
}

/**
 * The `end-of-life-python` findings of one project file: every declaration whose lowest
 * version is past its end of life on `options.today`. Honours select / ignore / severity
 * from the config, and `# pymodern: ignore[...]` or `# noqa` comments on the line.
 */
export function analyzeProjectFile(kind: ProjectFileKind, text: string, rule: RuleMeta, options: ProjectFileOptions): Finding[] {
  if (!isRuleEnabled(rule, options.config)) return [];
  const lines = new LineIndex(text);
  const supported = oldestSupported(options.today);
  const findings: Finding[] = [];
  const comments: CommentText[] = [];
  for (const declared of declaredPythons(kind, text)) {
    const eol = endOfLifeOn(declared.version, options.today);
    if (!eol) continue;
    const lineEnd = lines.lineEnd(lines.positionAt(declared.start).line);
    const rest = text.slice(declared.commentFrom, lineEnd);
    const hash = rest.indexOf('#');
    if (hash >= 0) comments.push({ startIndex: declared.commentFrom + hash, text: rest.slice(hash) });
    const gain = options.counts ? unlockedSummary(options.counts) : undefined;
    const data = {
      subject: declared.subject,
      version: versionText(declared.version),
      eol,
      supported: versionText(supported.version),
      gain: gain ? `; at ${versionText(options.counts!.target)}: ${gain}` : '',
    };
    findings.push({
      rule: rule.id,
      family: rule.family,
      trend: rule.trend,
      severity: options.config.severity?.[rule.id] ?? rule.severity,
      message: renderTemplate(rule.message, { captures: {}, data }, true),
      start: declared.start,
      end: declared.end,
      range: { start: lines.positionAt(declared.start), end: lines.positionAt(declared.end) },
      peers: rule.peers,
      fixes: [],
      suggestion: upgradeSuggestion(kind, declared.version, supported.version, options),
      tags: rule.tags,
    });
  }
  if (!findings.length) return findings;
  const suppressions = new Suppressions(comments, lines, 0);
  return findings.filter((f) => !suppressions.isSuppressed(f.rule, f.peer, f.range.start.line, f.range.end.line, f.family));
}

/** `12 more findings (typing-abc-import 8, moved-import 4), 10 with a fix`; undefined when nothing changes. */
export function unlockedSummary(counts: UpgradeCounts): string | undefined {
  const rules = new Set([...Object.keys(counts.current), ...Object.keys(counts.next)]);
  const more: [string, number][] = [];
  let fewer = 0;
  let fixable = 0;
  for (const rule of rules) {
    if (rule === END_OF_LIFE_RULE) continue;
    const before = counts.current[rule] ?? { findings: 0, fixable: 0 };
    const after = counts.next[rule] ?? { findings: 0, fixable: 0 };
    const delta = after.findings - before.findings;
    if (delta > 0) {
      more.push([rule, delta]);
      fixable += Math.max(0, after.fixable - before.fixable);
    } else if (delta < 0) fewer -= delta;
  }
  more.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const total = more.reduce((sum, [, n]) => sum + n, 0);
  const parts: string[] = [];
  if (total) {
    const listed = more.slice(0, 5).map(([rule, n]) => `${rule} ${n}`);
    if (more.length > 5) listed.push('…');
    parts.push(`${total} more finding${total === 1 ? '' : 's'} (${listed.join(', ')}), ${fixable} with a fix`);
  }
  if (fewer) parts.push(`${fewer} fewer`);
  return parts.length ? parts.join('; ') : undefined;
}

/** The hover's Markdown: what moving to a supported line gains, speed and findings. */
function upgradeSuggestion(kind: ProjectFileKind, declared: PythonVersion, supported: PythonVersion, options: ProjectFileOptions): string {
  const day = options.today.toISOString().slice(0, 10);
  const newest = [...PYTHON_RELEASES].reverse().find((r) => r.released <= day)!.version;
  const target = versionText(supported);
  const spelled = kind === 'dockerfile' ? `FROM python:${target}` : kind === 'python-version' ? target : `>=${target}`;
  const move = kind === 'dockerfile' ? 'Build on a supported line' : kind === 'python-version' ? 'Pin a supported line' : 'Raise the lower bound to a supported line';
  const out = [`${move}, e.g. \`${spelled}\` (the oldest supported on ${day}).`];
  const speed = speedupsBetween(declared, newest, options.today);
  if (speed.length) {
    out.push('', '**Speed** (what each line brought):', ...speed.map((s) => `- ${s.version}: ${s.speed}`), '', `_${SPEED_SOURCE}_`);
  }
  if (options.counts) {
    const summary = unlockedSummary(options.counts);
    out.push('', `**pymodern at ${versionText(options.counts.target)}:** ${summary ?? 'no change in the findings of the rules that ran'}.`);
  }
  return out.join('\n');
}
