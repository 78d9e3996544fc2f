/** Ten bins of a 0-100 total: 0-9.99, 10-19.99, ..., 90-100 (100 falls in the last). */
export const BINS = 10;

export function binCounts(totals: readonly number[]): number[] {
  const counts = Array.from({ length: BINS }, () => 0);
  for (const total of totals) {
    if (!Number.isFinite(total)) continue;
    const bin = Math.min(BINS - 1, Math.max(0, Math.floor(total / (100 / BINS))));
    counts[bin] += 1;
  }
  return counts;
}

const WIDTH = 320;
const HEIGHT = 120;
const AXIS = 18;
const BAR_GAP = 4;

/**
 * One juror's totals as a histogram drawn on the server: an SVG image named by its <title> and
 * described in words by its <desc> (how many scoresheets fell in each band), no script and no
 * inline styles (presentation attributes only, as bar-chart.tsx does).
 */
export function ScoreHistogram(props: { id: string; title: string; description: string; totals: readonly number[] }) {
  const counts = binCounts(props.totals);
  const highest = Math.max(1, ...counts);
  const plot = HEIGHT - AXIS;
  const slot = WIDTH / BINS;
  return (
    <svg
      class="chart histogram"
      role="img"
      aria-labelledby={`${props.id}-title ${props.id}-desc`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${props.id}-title`}>{props.title}</title>
      <desc id={`${props.id}-desc`}>{props.description}</desc>
      <line x1={0} y1={plot} x2={WIDTH} y2={plot} stroke="#1b1f23" stroke-width="1" />
      {counts.map((count, bin) => {
        const height = count === 0 ? 0 : Math.max(2, Math.round((count / highest) * (plot - 14)));
        const x = bin * slot + BAR_GAP / 2;
        return (
          <g>
            <rect x={x} y={plot - height} width={slot - BAR_GAP} height={height} fill="#00607a" />
            {count > 0 && (
              <text
                x={x + (slot - BAR_GAP) / 2}
                y={plot - height - 3}
                text-anchor="middle"
                font-size="11"
                fill="#1b1f23"
              >
                {count}
              </text>
            )}
            {bin % 2 === 0 && (
              <text x={bin * slot} y={HEIGHT - 4} font-size="11" fill="#1b1f23">
                {bin * (100 / BINS)}
              </text>
            )}
          </g>
        );
      })}
      <text x={WIDTH} y={HEIGHT - 4} font-size="11" fill="#1b1f23" text-anchor="end">
        100
      </text>
    </svg>
  );
}
