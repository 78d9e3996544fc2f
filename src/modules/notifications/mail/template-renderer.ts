import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Handlebars from 'handlebars';
import { LANGUAGES, Language } from '../../../common/i18n/language';
import { MESSAGE_TYPES, MessageType, MessageVariables } from './message-types';
import { MailFormats, registerTemplateHelpers, TEMPLATE_HELPERS } from './template-helpers';

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

/** Variables the renderer itself gives layout.html.hbs. */
export const LAYOUT_VARIABLES = ['body', 'lang', 'footer'] as const;

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
  private readonly templatesDir: string;

  constructor(options: { templatesDir: string; timeZone: string }) {
    this.templatesDir = options.templatesDir;
    registerTemplateHelpers(this.handlebars, new MailFormats(options.timeZone));
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

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}
