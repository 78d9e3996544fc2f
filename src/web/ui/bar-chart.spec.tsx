import { renderToString } from 'preact-render-to-string';
import { BarChart, barLength } from './bar-chart';

describe('bar chart', () => {
  it('draws lengths in proportion, exactly for sums beyond floats, with a sliver for any value above zero', () => {
    expect(barLength(0n, 100n, 400)).toBe(0);
    expect(barLength(100n, 100n, 400)).toBe(400);
    expect(barLength(50n, 100n, 400)).toBe(200);
    expect(barLength(1n, 10n ** 20n, 400)).toBe(2);
    const huge = 2n ** 70n;
    expect(barLength(huge / 4n, huge, 400)).toBe(100);
    expect(barLength(5n, 0n, 400)).toBe(0);
  });

  it('names the image by its title and description, repeats the figures in a table, and has no inline style', () => {
    const html = renderToString(
      <BarChart
        id="c"
        title="By <region>"
        description="Amounts"
        labelHeading="Region"
        valueHeading="Awarded"
        columns={['Grants']}
        rows={[
          { label: 'A"><img src=x>', value: 300n, display: '3 ₸', cells: ['1'] },
          { label: 'B', value: 100n, display: '1 ₸', cells: ['2'] },
        ]}
        empty="None"
      />,
    );
    expect(html).toMatch(/<svg [^>]*role="img"[^>]*aria-labelledby="c-title c-desc"/);
    expect(html).toContain('<title id="c-title">By &lt;region></title>');
    expect(html).toContain('<desc id="c-desc">Amounts</desc>');
    expect([...html.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]))).toEqual([440, 146.6]);
    expect(html).toContain('<th scope="row">A&quot;>&lt;img src=x></th><td class="num">3 ₸</td><td class="num">1</td>');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toMatch(/\sstyle=/);
  });

  it('says so instead of drawing an empty chart', () => {
    const html = renderToString(
      <BarChart id="e" title="T" description="D" labelHeading="L" valueHeading="V" rows={[]} empty="No grants yet" />,
    );
    expect(html).toContain('<p>No grants yet</p>');
    expect(html).not.toContain('<svg');
  });
});
