import { TableScroll } from './table-scroll';

export interface BarRow {
  label: string;
  /** What the bar's length shows (money in tiyn, counts): compared exactly, as bigint. */
  value: bigint;
  /** The value as a person reads it, beside the bar and in the table. */
  display: string;
  /** More columns of the table, after the value (a count, a second sum). */
  cells?: string[];
}

const WIDTH = 640;
const LABEL_HEIGHT = 20;
const BAR_HEIGHT = 18;
const ROW_GAP = 14;
const ROW = LABEL_HEIGHT + BAR_HEIGHT + ROW_GAP;
/** Room to the right of the longest bar for its value. */
const VALUE_ROOM = 200;
const MAX_LABEL = 60;

/** The bar's length in viewBox units; a value above zero always shows at least a sliver. */
export function barLength(value: bigint, max: bigint, room = WIDTH - VALUE_ROOM): number {
  if (max <= 0n || value <= 0n) return 0;
  const tenths = Number((value * BigInt(room * 10)) / max) / 10;
  return Math.max(tenths, 2);
}

const shorten = (text: string) => (text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text);

/**
 * A horizontal bar chart drawn on the server: an SVG image named by its <title> and <desc>, and
 * below it the same figures as a table, which is what screen readers and printouts read. No
 * script, no inline styles (the CSP allows only our stylesheet): sizes and colours are SVG
 * presentation attributes.
 */
export function BarChart(props: {
  id: string;
  title: string;
  description: string;
  labelHeading: string;
  valueHeading: string;
  columns?: string[];
  rows: BarRow[];
  empty: string;
}) {
  if (props.rows.length === 0) {
    return (
      <section class="bar-chart" aria-labelledby={`${props.id}-heading`}>
        <h3 id={`${props.id}-heading`}>{props.title}</h3>
        <p>{props.empty}</p>
      </section>
    );
  }
  const max = props.rows.reduce((m, r) => (r.value > m ? r.value : m), 0n);
  const height = props.rows.length * ROW;
  return (
    <section class="bar-chart" aria-labelledby={`${props.id}-heading`}>
      <h3 id={`${props.id}-heading`}>{props.title}</h3>
      <svg
        class="chart"
        role="img"
        aria-labelledby={`${props.id}-title ${props.id}-desc`}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        xmlns="http://www.w3.org/2000/svg"
      >
        <title id={`${props.id}-title`}>{props.title}</title>
        <desc id={`${props.id}-desc`}>{props.description}</desc>
        {props.rows.map((row, i) => {
          const top = i * ROW;
          const length = barLength(row.value, max);
          return (
            <g>
              <text x={0} y={top + LABEL_HEIGHT - 5} fill="#1b1f23" font-size="15">
                {shorten(row.label)}
              </text>
              <rect x={0} y={top + LABEL_HEIGHT} width={length} height={BAR_HEIGHT} fill="#00607a" />
              <text x={length + 8} y={top + LABEL_HEIGHT + BAR_HEIGHT - 4} fill="#1b1f23" font-size="14">
                {row.display}
              </text>
            </g>
          );
        })}
      </svg>
      <TableScroll label={props.title}>
        <table>
          <caption class="visually-hidden">{props.title}</caption>
          <thead>
            <tr>
              <th scope="col">{props.labelHeading}</th>
              <th scope="col" class="num">
                {props.valueHeading}
              </th>
              {(props.columns ?? []).map((heading) => (
                <th scope="col" class="num">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr>
                <th scope="row">{row.label}</th>
                <td class="num">{row.display}</td>
                {(row.cells ?? []).map((cell) => (
                  <td class="num">{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
