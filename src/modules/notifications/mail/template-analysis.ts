import Handlebars from 'handlebars';
import { TEMPLATE_HELPERS } from './template-helpers';

// Reading a template's parse tree, so the template test can hold every variable it uses to the list
// message-types.ts declares for its type. The renderer does not need it.

const BUILT_IN_HELPERS = new Set([
  'if',
  'unless',
  'each',
  'with',
  'lookup',
  'log',
  'helperMissing',
  'blockHelperMissing',
]);
const HELPERS = new Set<string>([...BUILT_IN_HELPERS, ...TEMPLATE_HELPERS]);
/** Blocks whose body still sees the caller's context; every other block (each, with, {{#x}}) moves into a new one. */
const SAME_CONTEXT_BLOCKS = new Set(['if', 'unless']);

interface Scope {
  /** How many context changes deep: 0 is the variables object itself. */
  depth: number;
  blockParams: ReadonlySet<string>;
}

/**
 * Every variable of the top-level context a template reads: mustaches, block and helper
 * arguments, hash values and @root paths. Helper names, `this`, @data and names bound by block
 * params or reached inside #each / #with are not top-level variables and are left out.
 */
export function templateVariablesUsed(source: string): Set<string> {
  const used = new Set<string>();
  const isHelperName = (path: hbs.AST.PathExpression) => isSimpleId(path) && HELPERS.has(path.parts[0]);

  const visitPath = (path: hbs.AST.PathExpression, scope: Scope) => {
    if (path.data) {
      if (path.parts[0] === 'root' && path.parts.length > 1) used.add(path.parts[1]);
      return;
    }
    if (path.parts.length === 0) return;
    const scoped = /^(\.|this\b)/.test(path.original);
    if (path.depth === 0 && !scoped && scope.blockParams.has(path.parts[0])) return;
    if (scope.depth - path.depth <= 0) used.add(path.parts[0]);
  };
  const visitExpression = (node: hbs.AST.Expression, scope: Scope) => {
    if (node.type === 'PathExpression') visitPath(node as hbs.AST.PathExpression, scope);
    else if (node.type === 'SubExpression') visitCall(node as hbs.AST.SubExpression, scope);
  };
  const visitCall = (node: { params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }, scope: Scope) => {
    for (const param of node.params) visitExpression(param, scope);
    for (const pair of node.hash?.pairs ?? []) visitExpression(pair.value, scope);
  };
  const isCall = (node: { params: hbs.AST.Expression[]; hash?: hbs.AST.Hash }) =>
    node.params.length > 0 || (node.hash?.pairs.length ?? 0) > 0;
  const visitProgram = (program: hbs.AST.Program | undefined, scope: Scope) => {
    if (!program) return;
    for (const statement of program.body) visitStatement(statement, scope);
  };
  const visitStatement = (node: hbs.AST.Statement, scope: Scope) => {
    switch (node.type) {
      case 'MustacheStatement':
      case 'Decorator': {
        const mustache = node as hbs.AST.MustacheStatement;
        if (isCall(mustache)) visitCall(mustache, scope);
        else if (mustache.path.type === 'PathExpression' && !isHelperName(mustache.path as hbs.AST.PathExpression)) {
          visitPath(mustache.path as hbs.AST.PathExpression, scope);
        }
        return;
      }
      case 'BlockStatement':
      case 'DecoratorBlock': {
        const block = node as hbs.AST.BlockStatement;
        if (isCall(block)) visitCall(block, scope);
        else if (!isHelperName(block.path)) visitPath(block.path, scope);
        const sameContext = isSimpleId(block.path) && SAME_CONTEXT_BLOCKS.has(block.path.parts[0]);
        visitProgram(block.program, {
          depth: sameContext ? scope.depth : scope.depth + 1,
          blockParams: new Set([...scope.blockParams, ...(block.program?.blockParams ?? [])]),
        });
        visitProgram(block.inverse, scope);
        return;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const partial = node as hbs.AST.PartialBlockStatement;
        visitCall(partial, scope);
        visitProgram(partial.program, scope);
        return;
      }
      default:
        return; // content and comments
    }
  };

  visitProgram(Handlebars.parse(source), { depth: 0, blockParams: new Set() });
  return used;
}

function isSimpleId(path: hbs.AST.PathExpression): boolean {
  return !path.data && path.depth === 0 && path.parts.length === 1 && path.original === path.parts[0];
}
