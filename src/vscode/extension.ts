// The VS Code adapter's entry point. It loads the engine from the files packaged beside it
// (dist/: WASM, compiled rules, trend pages) and registers each feature; the features live
// in their own modules and the engine knows nothing of VS Code.
import * as vscode from 'vscode';
import { catalogOf } from '../engine/config';
import { loadEngine } from '../node/load-engine';
import { Analyzer, type AnalysisEvent } from './analysis';
import { registerCodeActions } from './code-actions';
import { Configs } from './config';
import { registerHover } from './hover';
import { registerScan, WorkspaceScan } from './scan';
import { registerStatusBar } from './status-bar';
import { registerTrends } from './trends';

/** What activate() returns: timings and events, for the integration tests and benchmarks. */
export interface PymodernApi {
  activationMs: number;
  /** Of which: reading the WASM and rules, compiling the grammar and the rule queries. */
  engineMs: number;
  onDidAnalyze: vscode.Event<AnalysisEvent>;
}

export async function activate(context: vscode.ExtensionContext): Promise<PymodernApi> {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('pymodern', { log: true });
  context.subscriptions.push(log, vscode.commands.registerCommand('pymodern.showOutput', () => log.show()));
  const distDir = vscode.Uri.joinPath(context.extensionUri, 'dist').fsPath;

  const engine = await loadEngine(distDir);
  const loadedMs = performance.now() - started;

  const configs = new Configs(catalogOf(engine.rules), log);
  const analyzer = new Analyzer(engine, configs, log);
  registerCodeActions(context, analyzer);
  registerHover(context, analyzer);
  registerTrends(context, engine, log);
  registerScan(context, new WorkspaceScan(distDir, analyzer, configs, log));
  registerStatusBar(context, analyzer);
  // Disposed in this order: the analyzer frees its trees before the engine goes.
  context.subscriptions.push(configs, analyzer, { dispose: () => engine.dispose() });

  const activationMs = performance.now() - started;
  const version = (context.extension.packageJSON as { version?: string }).version ?? '?';
  log.info(
    `pymodern ${version} activated in ${activationMs.toFixed(0)} ms (engine ${loadedMs.toFixed(0)} ms: ` +
      `${engine.rules.length} rules, ${engine.trends.size} trend pages, from ${distDir})`,
  );
  return { activationMs, engineMs: loadedMs, onDidAnalyze: analyzer.onDidAnalyze };
}

export function deactivate(): void {
  // Everything is in context.subscriptions.
}
