// ECharts, imported piece by piece (core + bar chart + the few components used) to keep the bundle small,
// and the option of the stacked bar chart of bodies per district (meets / short / over).
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComplianceSnapshot } from '@/api/staffing-types';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };

export type ChartOption = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export const statusColours = { meets: '#16a34a', short: '#f59e0b', over: '#dc2626' } as const;

/** Horizontal stacked bars, one row per district, in the order the server gives. */
export function districtChartOption(snapshot: ComplianceSnapshot, labels: Record<'meets' | 'short' | 'over', string>): ChartOption {
  const districts = [...snapshot.by_district].reverse();
  const series = (['meets', 'short', 'over'] as const).map(
    (status): BarSeriesOption => ({
      name: labels[status],
      type: 'bar',
      stack: 'bodies',
      itemStyle: { color: statusColours[status] },
      emphasis: { focus: 'series' },
      cursor: 'pointer',
      data: districts.map((d) => d.counts[status]),
    }),
  );
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: districts.map((d) => d.name), triggerEvent: true },
    series,
  };
}
