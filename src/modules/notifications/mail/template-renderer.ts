import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Handlebars from 'handlebars';
import { LANGUAGES, Language } from '../../users/domain/language';
import { MESSAGE_TYPES, MessageType, MessageVariables } from './message-types';

export interface RenderedMessage {
  subject: string;
  text: string;
  html: string;
  /** The language of the body actually used, after falling back. */
  language: Language;
}

export type TemplatePart = 'subject' | 'text' | 'html';
export const TEMPLATE_PARTS: readonly TemplatePart[] = ['subject', 'text', 'html'];

/** Tried in this order after the recipient's own language. */
export const FALLBACK_LANGUAGES: readonly Language[] = ['ru', 'en'];

export const TEMPLATE_HELPERS = ['money', 'score', 'date', 'dateOnly'] as const;
/** Variables the renderer itself gives layout.html.hbs. */
export const LAYOUT_VARIABLES = ['body', 'lang', 'footer'] as const;

const LOCALES: Record<Language, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

type CompiledTemplate = (context: object, options: { data: { language: Language } }) => string;
interface LoadedTemplate {
  render: CompiledTemplate;
  language: Language;
}

/**
 * Renders mail from the translator-editable files under templates/mail. Files are read and compiled
 * on first use and kept. Each file falls back on its own: the recipient's language, then ru, then en.
 */
export class TemplateRenderer {
  private readonly handlebars = Handlebars.create();
  private readonly templates = new Map<string, CompiledTemplate | null>();
  private readonly formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
  private readonly templatesDir: string;
  private readonly timeZone: string;

  constructor(options: { templatesDir: string; timeZone: string }) {
    this.templatesDir = options.templatesDir;
    // Throws a RangeError at boot for a time zone ICU does not know, not at the first mail.
    this.timeZone = new Intl.DateTimeFormat('en', { timeZone: options.timeZone }).resolvedOptions().timeZone;
    this.handlebars.registerHelper('money', (value: unknown, options: unknown) =>
      this.formatMoney(toMinorUnits(value), languageOf(options)),
    );
    this.handlebars.registerHelper('score', (value: unknown, options: unknown) =>
      this.formatScore(toScore(value), languageOf(options)),
    );
    this.handlebars.registerHelper('date', (value: unknown, options: unknown) =>
      this.formatDate(toDate(value, 'date'), languageOf(options), true),
    );
    this.handlebars.registerHelper('dateOnly', (value: unknown, options: unknown) =>
      this.formatDate(toDate(value, 'dateOnly'), languageOf(options), false),
    );
  }

  render<T extends MessageType>(type: T, language: Language, variables: MessageVariables<T>): RenderedMessage {
    if (!Object.prototype.hasOwnProperty.call(MESSAGE_TYPES, type)) throw new Error(`Unknown message type "${type}"`);
    if (!LANGUAGES.includes(language)) throw new Error(`Unknown language "${language}"`);
    const context = variables as unknown as Record<string, unknown>;
    const missing = (MESSAGE_TYPES[type].variables as readonly string[]).filter((name) => context[name] == null);
    if (missing.length > 0) throw new Error(`Cannot render ${type}: missing ${missing.join(', ')}`);

    const subject = oneLine(this.renderFile(type, 'subject', language, context).output);
    if (subject === '') throw new Error(`Cannot render ${type}: the subject is empty`);
    const text = this.renderFile(type, 'text', language, context);
    const html = this.renderFile(type, 'html', language, context);
    const textFooter = this.renderFooter(text.language);
    const layout = this.load(join(this.templatesDir, 'layout.html.hbs'), false);
    if (!layout) throw new Error(`Mail layout not found: ${join(this.templatesDir, 'layout.html.hbs')}`);
    return {
      subject,
      text: `${text.output.trim()}\n\n-- \n${textFooter}\n`,
      html: layout(
        { body: html.output, lang: html.language, footer: this.renderFooter(html.language) },
        { data: { language: html.language } },
      ),
      language: text.language,
    };
  }

  private renderFile(
    type: MessageType,
    part: TemplatePart,
    language: Language,
    context: object,
  ): { output: string; language: Language } {
    const template = this.find(type, part, language);
    return { output: template.render(context, { data: { language: template.language } }), language: template.language };
  }

  private renderFooter(language: Language): string {
    const footer = this.find(null, 'footer', language);
    return oneLine(footer.render({}, { data: { language: footer.language } }));
  }

  /** `type` null means a shared file at the top of the templates directory (footer.<lang>.hbs). */
  private find(type: MessageType | null, part: TemplatePart | 'footer', language: Language): LoadedTemplate {
    const candidates = [language, ...FALLBACK_LANGUAGES.filter((fallback) => fallback !== language)];
    for (const candidate of candidates) {
      const file =
        type === null
          ? join(this.templatesDir, `${part}.${candidate}.hbs`)
          : join(this.templatesDir, type, `${part}.${candidate}.hbs`);
      const render = this.load(file, part !== 'html');
      if (render) return { render, language: candidate };
    }
    const name = type === null ? `${part}.<lang>.hbs` : `${type}/${part}.<lang>.hbs`;
    throw new Error(`No mail template ${name} in ${candidates.join(', ')} under ${this.templatesDir}`);
  }

  private load(file: string, plainText: boolean): CompiledTemplate | null {
    const cached = this.templates.get(file);
    if (cached !== undefined) return cached;
    let compiled: CompiledTemplate | null = null;
    if (existsSync(file)) {
      // Translators' editors may add a byte-order mark or Windows line endings.
      const source = readFileSync(file, 'utf8')
        .replace(/^\uFEFF/, '')
        .replace(/\r\n?/g, '\n');
      const template = this.handlebars.compile(source, {
        strict: true,
        knownHelpers: Object.fromEntries(TEMPLATE_HELPERS.map((helper) => [helper, true])),
        knownHelpersOnly: true,
        noEscape: plainText,
      });
      compiled = (context, options) => {
        try {
          return template(context, options);
        } catch (error) {
          throw new Error(`${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        }
      };
    }
    this.templates.set(file, compiled);
    return compiled;
  }

  formatMoney(minorUnits: bigint, language: Language): string {
    const negative = minorUnits < 0n;
    const absolute = negative ? -minorUnits : minorUnits;
    const tenge = absolute / 100n;
    const tiyn = absolute % 100n;
    if (tiyn === 0n) return this.moneyFormat(language, 0).format(negative ? -tenge : tenge);
    // Intl formats a bigint exactly at any size, so the tenge part goes in as a bigint and the
    // two tiyn digits replace the (always "00") fraction: no float ever holds the amount.
    const signed = negative ? (tenge === 0n ? -0 : -tenge) : tenge;
    const parts = this.moneyFormat(language, 2).formatToParts(signed);
    if (!parts.some((part) => part.type === 'fraction'))
      throw new Error(`No fraction part formatting money for ${LOCALES[language]}`);
    return parts.map((part) => (part.type === 'fraction' ? tiyn.toString().padStart(2, '0') : part.value)).join('');
  }

  /**
   * A score (0-100) rounded to one decimal in the language's own way: 71,4 in Kazakh and Russian,
   * 71.4 in English. The templates write the scale beside it ("71,4 из 100").
   */
  formatScore(value: number, language: Language): string {
    const key = `score:${language}`;
    let format = this.formatters.get(key) as Intl.NumberFormat | undefined;
    if (!format) {
      format = new Intl.NumberFormat(LOCALES[language], {
        minimumFractionDigits: 1,
        maximumFractionDigits: 1,
        useGrouping: false,
      });
      this.formatters.set(key, format);
    }
    return format.format(value);
  }

  formatDate(value: Date, language: Language, withTime: boolean): string {
    const key = `date:${language}:${withTime}`;
    let format = this.formatters.get(key) as Intl.DateTimeFormat | undefined;
    if (!format) {
      format = new Intl.DateTimeFormat(LOCALES[language], {
        dateStyle: 'long',
        ...(withTime ? { timeStyle: 'short' as const } : {}),
        timeZone: this.timeZone,
      });
      this.formatters.set(key, format);
    }
    return format.format(value);
  }

  private moneyFormat(language: Language, fractionDigits: 0 | 2): Intl.NumberFormat {
    const key = `money:${language}:${fractionDigits}`;
    let format = this.formatters.get(key) as Intl.NumberFormat | undefined;
    if (!format) {
      format = new Intl.NumberFormat(LOCALES[language], {
        style: 'currency',
        currency: 'KZT',
        currencyDisplay: 'narrowSymbol',
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      });
      this.formatters.set(key, format);
    }
    return format;
  }
}

/** templates/mail beside the nearest package.json above this file: src/... in tests, dist/src/... built. */
export function resolveTemplatesDir(startDir: string = __dirname): string {
  for (let dir = startDir; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      const templatesDir = join(dir, 'templates', 'mail');
      if (!existsSync(templatesDir)) throw new Error(`Mail templates not found at ${templatesDir}`);
      return templatesDir;
    }
    if (dirname(dir) === dir) throw new Error(`No package.json above ${startDir}: cannot find templates/mail`);
  }
}

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

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

function languageOf(options: unknown): Language {
  const language = (options as { data?: { language?: unknown } } | undefined)?.data?.language;
  if (typeof language !== 'string' || !(LANGUAGES as readonly string[]).includes(language)) {
    throw new Error('Mail template helpers need the language in the render data');
  }
  return language as Language;
}

function toMinorUnits(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  throw new TypeError(`money expects minor units as a bigint or an integer string, got ${describeValue(value)}`);
}

/** A score as a number or as a decimal string with a point ("72.4", as the results mail data carries it). */
function toScore(value: unknown): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  throw new TypeError(`score expects a number or a decimal string such as "72.4", got ${describeValue(value)}`);
}

function toDate(value: unknown, helper: string): Date {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  throw new TypeError(`${helper} expects a valid Date, got ${describeValue(value)}`);
}

function describeValue(value: unknown): string {
  if (value instanceof Date) return 'an invalid Date';
  if (value !== null && typeof value === 'object' && 'hash' in value) return 'nothing (no argument)';
  return `${typeof value} ${String(value)}`;
}
