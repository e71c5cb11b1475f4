// Output formats of `pymodern check`: text for people, json and SARIF 2.1.0 for tools.
import { pathToFileURL } from 'node:url';
import { peerTool } from '../engine/peers';
import type { RuleMeta, Severity } from '../engine/types';
import { formatCoverage, sumCoverage, type TypedCoverage } from '../engine/coverage-figures';
import type { OutputFinding, OutputWarning } from './analyze-file';

export interface ReportError {
  file: string;
  message: string;
}

export interface Report {
  findings: OutputFinding[];
  errors: ReportError[];
  /** Suppression comments that silence nothing. */
  warnings?: OutputWarning[];
  files: number;
  /** Fixes applied (or shown as diffs). */
  fixed: number;
  /** Typed coverage over the analysed files, and per file (sorted like the findings). */
  coverage?: CoverageReport;
}

export interface CoverageReport extends TypedCoverage {
  /** Floor of annotated / total in percent; null when no file has a def. */
  percent: number | null;
  files: ({ file: string } & TypedCoverage)[];
}

/** The coverage part of the report, from the files that have a def (the others have none to show). */
export function coverageReport(files: ({ file: string } & TypedCoverage)[]): CoverageReport {
  const sum = sumCoverage(files);
  return { ...sum, percent: sum.total ? Math.floor((sum.annotated * 100) / sum.total) : null, files };
}

/** One finding as a line of the text format. */
export function textLine(f: OutputFinding): string {
  const marker = f.fix ? (f.fix.safety === 'safe' ? ' [*]' : ' [unsafe fix]') : '';
  return `${f.file}:${f.line}:${f.column}: ${f.severity} [${f.rule}] ${f.message}${marker}`;
}

export interface TextStats {
  findings: number;
  /** Findings whose fix is safe / unsafe. */
  safe: number;
  unsafe: number;
  filesWithFindings: number;
  files: number;
  fixed: number;
  errors: number;
  coverage: TypedCoverage;
}

/** The closing line(s) of the text format. */
export function formatTextSummary(stats: TextStats, options: { fixMode: 'none' | 'fix' | 'diff'; unsafeFixes: boolean }): string {
  const parts: string[] = [];
  if (options.fixMode === 'fix' && stats.fixed) parts.push(`Fixed ${plural(stats.fixed, 'finding')}.`);
  // `(4 files checked, 63% typed)`: the typed coverage, when some file has a def.
  const typed = formatCoverage(stats.coverage);
  const checked = `${plural(stats.files, 'file')} checked${typed ? `, ${typed} typed` : ''}`;
  if (stats.findings) {
    let summary = `Found ${plural(stats.findings, 'finding')} in ${plural(stats.filesWithFindings, 'file')} (${checked}).`;
    const hints: string[] = [];
    if (stats.safe && options.fixMode === 'none') hints.push(`${stats.safe} fixable with --fix`);
    if (stats.unsafe && !options.unsafeFixes) hints.push(`${stats.unsafe} more with --unsafe-fixes`);
    if (hints.length) summary += ` [*] ${hints.join(', ')}.`;
    parts.push(summary);
  } else if (stats.errors) {
    // Not "All checks passed": some file or config could not be checked (exit 2).
    parts.push(`No findings, but ${plural(stats.errors, 'error')} (${checked}).`);
  } else {
    parts.push(`All checks passed (${checked}).`);
  }
  return parts.join('\n');
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(report: Report, rules: readonly RuleMeta[], version: string, trendsDir: string, cwd: string): string {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const trendUri = (trend: string) => pathToFileURL(`${trendsDir}/${trend}.md`).href;
  // The peer tools' codes as SARIF taxonomies: a rule relates to each of its peers, and a
  // result names the one code it is as a taxon (`taxa`), so dashboards can map it to Ruff's.
  const taxonomies = new Map<string, Set<string>>();
  for (const rule of rules) {
    for (const code of rule.peers) {
      const tool = peerTool(code);
      if (!taxonomies.has(tool)) taxonomies.set(tool, new Set());
      taxonomies.get(tool)!.add(code);
    }
  }
  const taxonRef = (code: string) => ({ id: code, toolComponent: { name: peerTool(code) } });
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'pymodern',
            version,
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.id,
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.note },
              help: { text: rule.note, markdown: rule.note },
              helpUri: trendUri(rule.trend),
              defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
              properties: { family: rule.family, trend: rule.trend, peers: rule.peers, tags: [rule.family, ...rule.tags] },
              ...(rule.peers.length ? { relationships: rule.peers.map((code) => ({ target: taxonRef(code), kinds: ['relevant'] })) } : {}),
            })),
          },
        },
        taxonomies: [...taxonomies].map(([name, codes]) => ({ name, taxa: [...codes].sort().map((id) => ({ id })) })),
        originalUriBaseIds: { SRCROOT: { uri: pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href } },
        columnKind: 'unicodeCodePoints',
        results: report.findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ruleIndex.get(f.rule) ?? -1,
          level: SARIF_LEVEL[f.severity as Severity] ?? 'warning',
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: relativeUri(f.file), uriBaseId: 'SRCROOT' },
                region: { startLine: f.line, startColumn: f.column, endLine: f.endLine, endColumn: f.endColumn },
              },
            },
          ],
          ...(f.peer ? { taxa: [taxonRef(f.peer)] } : {}),
          properties: { trend: f.trend, peers: f.peers, ...(f.peer ? { peer: f.peer } : {}), fix: f.fix },
        })),
        invocations: [
          {
            executionSuccessful: report.errors.length === 0,
            toolExecutionNotifications: [
              ...report.errors.map((e) => ({
                level: 'error',
                message: { text: e.message },
                locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(e.file), uriBaseId: 'SRCROOT' } } }],
              })),
              ...(report.warnings ?? []).map((w) => ({
                level: 'warning',
                message: { text: w.message },
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: relativeUri(w.file), uriBaseId: 'SRCROOT' },
                      region: { startLine: w.line, startColumn: w.column, endLine: w.endLine, endColumn: w.endColumn },
                    },
                  },
                ],
              })),
            ],
          },
        ],
      },
    ],
  };
  return JSON.stringify(sarif, null, 2);
}

/** A path as a URI reference: every segment percent-encoded, so `#`, `?` and `%` in names survive. */
function relativeUri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
