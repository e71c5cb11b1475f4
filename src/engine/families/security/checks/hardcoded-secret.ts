// hardcoded-secret: a password, token or API key written into the source as a string
// literal — assigned (S105), passed as a keyword argument (S106), given as a parameter
// default (S107), stored in a dict literal, or compared against. Anyone who can read the
// repository, a wheel or a stack trace has the credential. Precision comes from two tests:
// the name must end in a credential word (`db_password`, `API_KEY`; not `token_type`,
// `TOKEN_URL`), and the value must not be a placeholder, the name itself, an env var name,
// a message or a path. Test modules are skipped. No fix: where the secret should come
// from is the project's choice; the hover shows the environment lookup.
import type { Node } from 'web-tree-sitter';
import type { CheckContext, CheckVisitor } from '../../../checks/context';
import { enclosingClass, isPlaceholderValue, isSecretName, nameWords, stringValue, targetName } from '../secrets-crypto';
import { looksLikeTestModule } from '../test-modules';

/** Every credential word's stem: a site without one in its text names no secret. */
const SECRET_WORD = /pass|pwd|secret|token|key|credential/i;

interface Site {
  name: string;
  value: Node;
  kind: 'assignment' | 'keyword' | 'default' | 'dict' | 'comparison';
  peer: string;
  /** The assignment target as written (`self.token`, `app.config["SECRET_KEY"]`). */
  target?: string;
}

export function createHardcodedSecret(context: CheckContext): CheckVisitor {
  // Both file-wide tests run once, on the first candidate site.
  let relevant: boolean | undefined;
  return {
    match({ site: node }) {
      if (!node) return;
      relevant ??= SECRET_WORD.test(context.text) && !looksLikeTestModule(context.facts);
      // Most sites name nothing secret: test the text before reading the syntax.
      if (!relevant || !SECRET_WORD.test(context.text.slice(node.startIndex, node.endIndex))) return;
      const site = siteOf(node);
      if (site && context.isSound(node) && !inEnumClass(node)) report(context, site);
    },
  };
}

function siteOf(node: Node): Site | undefined {
  const site = rawSiteOf(node);
  if (!site || !isSecretName(site.name)) return undefined;
  const value = stringValue(site.value);
  if (value === undefined || isPlaceholderValue(value, site.name)) return undefined;
  // A tokenizer compares its `token` with words and markers (`token == "import"`,
  // `token == "#bygroup"`): for that name, only a value shaped like a credential counts —
  // six or more characters mixing letters and digits.
  if (site.kind === 'comparison' && nameWords(site.name).pop() === 'token' && !(value.length >= 6 && /\d/.test(value) && /[A-Za-z]/.test(value))) return undefined;
  return site;
}

function rawSiteOf(node: Node): Site | undefined {
  switch (node.type) {
    case 'assignment': {
      // `password = safe = "s3cr3t"`: every target of a chain takes the final value.
      let right = node.childForFieldName('right');
      while (right?.type === 'assignment') right = right.childForFieldName('right');
      const name = targetName(node.childForFieldName('left'));
      const target = node.childForFieldName('left')?.text;
      return right && name ? { name, value: right, kind: 'assignment', peer: 'S105', target } : undefined;
    }
    case 'keyword_argument': {
      const name = node.childForFieldName('name')?.text;
      const value = node.childForFieldName('value');
      return name && value && node.parent?.type === 'argument_list' && node.parent.parent?.type === 'call' ? { name, value, kind: 'keyword', peer: 'S106' } : undefined;
    }
    case 'default_parameter':
    case 'typed_default_parameter': {
      const name = node.childForFieldName('name')?.text;
      const value = node.childForFieldName('value');
      return name && value ? { name, value, kind: 'default', peer: 'S107' } : undefined;
    }
    case 'pair': {
      const key = node.childForFieldName('key');
      const name = key ? stringValue(key) : undefined;
      const value = node.childForFieldName('value');
      return name && value ? { name, value, kind: 'dict', peer: 'S105' } : undefined;
    }
    case 'comparison_operator': {
      const operands = node.namedChildren.filter((c): c is Node => !!c);
      const operators = node.children.filter((c) => c && !c.isNamed).map((c) => c!.type);
      if (operands.length !== 2 || operators.length !== 1 || !['==', '!='].includes(operators[0])) return undefined;
      const [left, right] = operands;
      const named = stringValue(right) !== undefined ? left : right;
      const value = named === left ? right : left;
      const name = named.type === 'identifier' || named.type === 'attribute' || named.type === 'subscript' ? targetName(named) : undefined;
      return name ? { name, value, kind: 'comparison', peer: 'S105' } : undefined;
    }
  }
  return undefined;
}

/** Members of an Enum or Django `TextChoices` are labels, not settings. */
function inEnumClass(node: Node): boolean {
  const cls = enclosingClass(node);
  const bases = cls?.childForFieldName('superclasses')?.text ?? '';
  return /Enum|Choices|Flag\b/.test(bases);
}

/** `API_KEY`, `DB_PASSWORD`: the environment variable a secret named so would come from. */
export function envName(name: string): string {
  return nameWords(name).join('_').toUpperCase() || 'SECRET';
}

function report(context: CheckContext, site: Site): void {
  const env = envName(site.name);
  const lookup = `os.environ["${env}"]`;
  const what = { assignment: 'assigned to', keyword: 'passed as', default: 'as the default of', dict: 'stored under', comparison: 'compared with' }[site.kind];
  let example: string;
  if (site.kind === 'assignment' || site.kind === 'comparison') {
    const target = site.target ?? site.name;
    example = site.kind === 'assignment' ? `${target} = ${lookup}` : `${target} == ${lookup}  # better: hmac.compare_digest(...)`;
  } else if (site.kind === 'keyword') {
    example = `${site.name}=${lookup}`;
  } else if (site.kind === 'dict') {
    example = `"${site.name}": ${lookup}`;
  } else {
    example = `${site.name}=None  # then: ${site.name} = ${site.name} or ${lookup}`;
  }
  context.report({
    node: site.value,
    data: { name: site.name, what },
    peer: site.peer,
    suggestion: `Read the secret at run time (environment, a secret manager, a file outside the repository) and rotate the one that was committed:\n\`\`\`python\n${example}\n\`\`\`\n`,
  });
}
