// Findings as VS Code diagnostics: `source` pymodern, `code` = { rule id, link to its trend
// page }, severity from the resolved config, the Deprecated/Unnecessary tags. A diagnostic
// is matched back to its finding by rule + range (findingKey), never by object identity.
import * as vscode from 'vscode';
import type { Finding, Severity } from '../engine/types';
import { trendLink } from './trends';

export const SOURCE = 'pymodern';

/** What a diagnostic needs from a finding (the scan worker sends only this much). */
export type DiagnosticFinding = Pick<Finding, 'rule' | 'trend' | 'severity' | 'message' | 'tags'>;

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: DiagnosticFinding, range: vscode.Range): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(range, finding.message, SEVERITY[finding.severity]);
  diagnostic.source = SOURCE;
  diagnostic.code = { value: finding.rule, target: trendLink(finding.trend) };
  const tags: vscode.DiagnosticTag[] = [];
  if (finding.tags.includes('deprecated')) tags.push(vscode.DiagnosticTag.Deprecated);
  if (finding.tags.includes('unnecessary')) tags.push(vscode.DiagnosticTag.Unnecessary);
  if (tags.length) diagnostic.tags = tags;
  return diagnostic;
}

export function findingKey(rule: string, range: vscode.Range): string {
  return `${rule}@${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** The key of the finding a pymodern diagnostic came from; undefined for other sources. */
export function diagnosticKey(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== SOURCE || diagnostic.code === undefined) return undefined;
  const rule = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return findingKey(String(rule), diagnostic.range);
}

export function toRange(range: Finding['range']): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
