import { templateVariablesUsed } from './template-analysis';

describe('templateVariablesUsed', () => {
  it('collects mustaches, helper arguments, block parameters, hash values and @root paths', () => {
    const used = templateVariablesUsed(
      '{{fullName}} {{{body}}} {{money minAward}} {{date (lookup dates closesKey)}} {{#if villageName}}{{village.name}}{{/if}} {{log level=logLevel}} {{@root.rootOnly}}',
    );
    expect([...used].sort()).toEqual([
      'body',
      'closesKey',
      'dates',
      'fullName',
      'logLevel',
      'minAward',
      'rootOnly',
      'village',
      'villageName',
    ]);
  });

  it('leaves out helper names, this, @data variables and names bound inside #each and #with', () => {
    const used = templateVariablesUsed(
      '{{#each items as |item i|}}{{item.title}} {{i}} {{@index}} {{this}} {{name}} {{../fullName}}{{else}}{{emptyText}}{{/each}}' +
        '{{#with owner}}{{email}} {{this.phone}} {{../resetUrl}}{{/with}}{{#unless done}}{{pending}}{{/unless}}',
    );
    expect([...used].sort()).toEqual(['done', 'emptyText', 'fullName', 'items', 'owner', 'pending', 'resetUrl']);
  });
});
