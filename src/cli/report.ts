// Output formats of `pymodern check`: text for people, json and SARIF 2.1.0 for tools.
import { pathToFileURL } from 'node:url';
import type { RuleMeta, Severity } from '../engine/types';
import { formatCoverage, sumCoverage, type TypedCoverage } from '../engine/typing/coverage';
import type { OutputFinding } from './analyze-file';

export interface Report {
  findings: OutputFinding[];
  errors: { file: string; message: string }[];
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

/** The coverage part of the report, from the per-file results. */
export function coverageReport(results: readonly { file: string; coverage?: TypedCoverage }[]): CoverageReport {
  // Files without a def have no coverage to show.
  const files = results.filter((r) => r.coverage?.total).map((r) => ({ file: r.file, annotated: r.coverage!.annotated, total: r.coverage!.total }));
  const sum = sumCoverage(files);
  return { ...sum, percent: sum.total ? Math.floor((sum.annotated * 100) / sum.total) : null, files };
}

export function formatText(report: Report, options: { fixMode: 'none' | 'fix' | 'diff'; unsafeFixes: boolean }): string {
  const lines = report.findings.map((f) => {
    const marker = f.fix ? (f.fix.safety === 'safe' ? ' [*]' : ' [unsafe fix]') : '';
    return `${f.file}:${f.line}:${f.column}: ${f.severity} [${f.rule}] ${f.message}${marker}`;
  });
  const count = report.findings.length;
  const safe = report.findings.filter((f) => f.fix?.safety === 'safe').length;
  const unsafe = report.findings.filter((f) => f.fix?.safety === 'unsafe').length;
  const parts: string[] = [];
  if (options.fixMode === 'fix' && report.fixed) parts.push(`Fixed ${plural(report.fixed, 'finding')}.`);
  // `(4 files checked, 63% typed)`: the typed coverage, when some file has a def.
  const typed = report.coverage && formatCoverage(report.coverage);
  const checked = `${plural(report.files, 'file')} checked${typed ? `, ${typed} typed` : ''}`;
  if (count) {
    let summary = `Found ${plural(count, 'finding')} in ${plural(new Set(report.findings.map((f) => f.file)).size, 'file')} (${checked}).`;
    const hints: string[] = [];
    if (safe && options.fixMode === 'none') hints.push(`${safe} fixable with --fix`);
    if (unsafe && !options.unsafeFixes) hints.push(`${unsafe} more with --unsafe-fixes`);
    if (hints.length) summary += ` [*] ${hints.join(', ')}.`;
    parts.push(summary);
  } else if (report.errors.length) {
    // Not "All checks passed": some file or config could not be checked (exit 2).
    parts.push(`No findings, but ${plural(report.errors.length, 'error')} (${checked}).`);
  } else {
    parts.push(`All checks passed (${checked}).`);
  }
  return [...lines, ...(lines.length ? [''] : []), ...parts].join('\n');
}

export function formatJson(report: Report): string {
  return JSON.stringify({ findings: report.findings, errors: report.errors, ...(report.coverage ? { coverage: report.coverage } : {}) }, null, 2);
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(report: Report, rules: readonly RuleMeta[], version: string, trendsDir: string, cwd: string): string {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const trendUri = (trend: string) => pathToFileURL(`${trendsDir}/${trend}.md`).href;
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
            })),
          },
        },
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
          properties: { trend: f.trend, peers: f.peers, fix: f.fix },
        })),
        invocations: [
          {
            executionSuccessful: report.errors.length === 0,
            toolExecutionNotifications: report.errors.map((e) => ({
              level: 'error',
              message: { text: e.message },
              locations: [{ physicalLocation: { artifactLocation: { uri: relativeUri(e.file), uriBaseId: 'SRCROOT' } } }],
            })),
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
