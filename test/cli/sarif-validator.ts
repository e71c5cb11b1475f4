// A structural check of the SARIF 2.1.0 properties the standard requires (OASIS SARIF
// 2.1.0, §3.13 sarifLog … §3.58 notification) and of the constraints consumers such as
// GitHub code scanning rely on. Offline: no schema download. Returns the problems found,
// each prefixed with the JSON path of the offending value.

type Json = Record<string, unknown>;

const LEVELS = ['none', 'note', 'warning', 'error'];
const COLUMN_KINDS = ['utf16CodeUnits', 'unicodeCodePoints'];

export function validateSarif(log: unknown): string[] {
  const problems: string[] = [];
  const problem = (path: string, message: string) => problems.push(`${path}: ${message}`);

  const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
  const object = (value: unknown, path: string): value is Json => {
    if (isObject(value)) return true;
    problem(path, `expected an object, got ${JSON.stringify(value)}`);
    return false;
  };
  const string = (value: unknown, path: string, required: boolean): boolean => {
    if (value === undefined && !required) return false;
    if (typeof value === 'string' && value.length > 0) return true;
    problem(path, required && value === undefined ? 'is required' : `expected a non-empty string, got ${JSON.stringify(value)}`);
    return false;
  };
  const integer = (value: unknown, path: string, minimum: number): boolean => {
    if (value === undefined) return false;
    if (Number.isInteger(value) && (value as number) >= minimum) return true;
    problem(path, `expected an integer >= ${minimum}, got ${JSON.stringify(value)}`);
    return false;
  };
  const oneOf = (value: unknown, path: string, allowed: string[]) => {
    if (value !== undefined && !allowed.includes(value as string)) problem(path, `expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  };
  const array = (value: unknown, path: string, required: boolean): value is unknown[] => {
    if (value === undefined && !required) return false;
    if (Array.isArray(value)) return true;
    problem(path, required && value === undefined ? 'is required' : `expected an array, got ${JSON.stringify(value)}`);
    return false;
  };
  const uri = (value: unknown, path: string, absolute: boolean) => {
    if (!string(value, path, true)) return;
    const text = value as string;
    // Artifact locations name files: a `#` or `?` left unencoded would cut the path short.
    const invalid = absolute ? /\s|%(?![0-9A-Fa-f]{2})/ : /[\s#?]|%(?![0-9A-Fa-f]{2})/;
    if (invalid.test(text)) problem(path, `not a valid ${absolute ? 'absolute URI' : 'URI reference for a file'}: ${text}`);
    try {
      new URL(text, absolute ? undefined : 'file:///base/');
    } catch {
      problem(path, `not a valid ${absolute ? 'absolute URI' : 'URI reference'}: ${text}`);
    }
  };
  const message = (value: unknown, path: string) => {
    // §3.11: a message has `text` or `id`.
    if (!object(value, path)) return;
    if (value.text === undefined && value.id === undefined) problem(path, 'needs "text" or "id"');
    if (value.text !== undefined) string(value.text, `${path}.text`, true);
  };
  const multiformat = (value: unknown, path: string) => {
    // §3.12: `text` is required.
    if (value === undefined) return;
    if (object(value, path)) string(value.text, `${path}.text`, true);
  };
  const propertyBag = (value: unknown, path: string) => {
    if (value === undefined || !object(value, path)) return;
    if (value.tags !== undefined && array(value.tags, `${path}.tags`, true)) {
      const tags = value.tags as unknown[];
      if (!tags.every((t) => typeof t === 'string')) problem(`${path}.tags`, 'expected strings');
      if (new Set(tags).size !== tags.length) problem(`${path}.tags`, `must be unique: ${JSON.stringify(tags)}`);
    }
  };

  if (!object(log, '$')) return problems;
  if (log.version !== '2.1.0') problem('$.version', `must be "2.1.0", got ${JSON.stringify(log.version)}`);
  if (log.$schema !== undefined) uri(log.$schema, '$.$schema', true);
  if (!array(log.runs, '$.runs', true)) return problems;

  (log.runs as unknown[]).forEach((run, r) => {
    const at = `$.runs[${r}]`;
    if (!object(run, at)) return;
    let rules: unknown[] = [];
    if (object(run.tool, `${at}.tool`) && object(run.tool.driver, `${at}.tool.driver`)) {
      const driver = run.tool.driver;
      string(driver.name, `${at}.tool.driver.name`, true);
      if (driver.version !== undefined) string(driver.version, `${at}.tool.driver.version`, true);
      if (array(driver.rules, `${at}.tool.driver.rules`, false)) {
        rules = driver.rules as unknown[];
        const ids = new Set<string>();
        rules.forEach((rule, i) => {
          const ruleAt = `${at}.tool.driver.rules[${i}]`;
          if (!object(rule, ruleAt)) return;
          if (string(rule.id, `${ruleAt}.id`, true)) {
            if (ids.has(rule.id as string)) problem(`${ruleAt}.id`, `duplicate rule id ${rule.id as string}`);
            ids.add(rule.id as string);
          }
          multiformat(rule.shortDescription, `${ruleAt}.shortDescription`);
          multiformat(rule.fullDescription, `${ruleAt}.fullDescription`);
          multiformat(rule.help, `${ruleAt}.help`);
          if (rule.helpUri !== undefined) uri(rule.helpUri, `${ruleAt}.helpUri`, true);
          if (rule.defaultConfiguration !== undefined && object(rule.defaultConfiguration, `${ruleAt}.defaultConfiguration`)) {
            oneOf(rule.defaultConfiguration.level, `${ruleAt}.defaultConfiguration.level`, LEVELS);
          }
          propertyBag(rule.properties, `${ruleAt}.properties`);
        });
      }
    }
    oneOf(run.columnKind, `${at}.columnKind`, COLUMN_KINDS);
    const baseIds = new Set<string>();
    if (run.originalUriBaseIds !== undefined && object(run.originalUriBaseIds, `${at}.originalUriBaseIds`)) {
      for (const [id, location] of Object.entries(run.originalUriBaseIds)) {
        const baseAt = `${at}.originalUriBaseIds.${id}`;
        baseIds.add(id);
        if (!object(location, baseAt)) continue;
        // §3.14.14: the base URI is absolute and ends with a slash.
        uri(location.uri, `${baseAt}.uri`, true);
        if (typeof location.uri === 'string' && !location.uri.endsWith('/')) problem(`${baseAt}.uri`, 'must end with "/"');
      }
    }
    const artifactLocation = (value: unknown, path: string) => {
      if (!object(value, path)) return;
      uri(value.uri, `${path}.uri`, false);
      if (value.uriBaseId !== undefined && !baseIds.has(value.uriBaseId as string)) {
        problem(`${path}.uriBaseId`, `"${String(value.uriBaseId)}" is not in originalUriBaseIds`);
      }
    };
    const location = (value: unknown, path: string) => {
      if (!object(value, path) || value.physicalLocation === undefined) return;
      const physical = value.physicalLocation;
      if (!object(physical, `${path}.physicalLocation`)) return;
      // §3.29: a physicalLocation has an artifactLocation or an address.
      if (physical.artifactLocation === undefined && physical.address === undefined) {
        problem(`${path}.physicalLocation`, 'needs "artifactLocation" or "address"');
      }
      if (physical.artifactLocation !== undefined) artifactLocation(physical.artifactLocation, `${path}.physicalLocation.artifactLocation`);
      const region = physical.region;
      if (region === undefined || !object(region, `${path}.physicalLocation.region`)) return;
      const regionAt = `${path}.physicalLocation.region`;
      // §3.30: a text region has startLine (or offsets); lines and columns are 1-based.
      if (region.startLine === undefined && region.charOffset === undefined && region.byteOffset === undefined) {
        problem(regionAt, 'needs "startLine", "charOffset" or "byteOffset"');
      }
      for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) integer(region[key], `${regionAt}.${key}`, 1);
      const { startLine, startColumn, endLine, endColumn } = region as Record<string, number>;
      if (endLine !== undefined && startLine !== undefined && endLine < startLine) problem(regionAt, 'ends before it starts');
      if (endLine === startLine && startColumn !== undefined && endColumn !== undefined && endColumn < startColumn) {
        problem(regionAt, 'ends before it starts');
      }
    };

    if (run.results !== undefined && array(run.results, `${at}.results`, true)) {
      (run.results as unknown[]).forEach((result, i) => {
        const resultAt = `${at}.results[${i}]`;
        if (!object(result, resultAt)) return;
        message(result.message, `${resultAt}.message`);
        if (result.message === undefined) problem(`${resultAt}.message`, 'is required');
        if (result.ruleId !== undefined) string(result.ruleId, `${resultAt}.ruleId`, true);
        if (integer(result.ruleIndex, `${resultAt}.ruleIndex`, -1) && (result.ruleIndex as number) >= 0) {
          const rule = rules[result.ruleIndex as number] as Json | undefined;
          if (!rule) problem(`${resultAt}.ruleIndex`, `no rule at index ${result.ruleIndex as number}`);
          else if (result.ruleId !== undefined && rule.id !== result.ruleId) {
            problem(`${resultAt}.ruleIndex`, `points at rule ${String(rule.id)}, but ruleId is ${String(result.ruleId)}`);
          }
        }
        oneOf(result.level, `${resultAt}.level`, LEVELS);
        if (array(result.locations, `${resultAt}.locations`, false)) {
          (result.locations as unknown[]).forEach((l, k) => location(l, `${resultAt}.locations[${k}]`));
        }
        propertyBag(result.properties, `${resultAt}.properties`);
      });
    }

    if (array(run.invocations, `${at}.invocations`, false)) {
      (run.invocations as unknown[]).forEach((invocation, i) => {
        const invocationAt = `${at}.invocations[${i}]`;
        if (!object(invocation, invocationAt)) return;
        // §3.20.14: executionSuccessful is required.
        if (typeof invocation.executionSuccessful !== 'boolean') problem(`${invocationAt}.executionSuccessful`, 'is required (boolean)');
        if (array(invocation.toolExecutionNotifications, `${invocationAt}.toolExecutionNotifications`, false)) {
          (invocation.toolExecutionNotifications as unknown[]).forEach((notification, k) => {
            const notificationAt = `${invocationAt}.toolExecutionNotifications[${k}]`;
            if (!object(notification, notificationAt)) return;
            if (notification.message === undefined) problem(`${notificationAt}.message`, 'is required');
            else message(notification.message, `${notificationAt}.message`);
            oneOf(notification.level, `${notificationAt}.level`, LEVELS);
            if (array(notification.locations, `${notificationAt}.locations`, false)) {
              (notification.locations as unknown[]).forEach((l, m) => location(l, `${notificationAt}.locations[${m}]`));
            }
          });
        }
      });
    }
  });
  return problems;
}
