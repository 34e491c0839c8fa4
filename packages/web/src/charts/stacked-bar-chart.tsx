import { BarChart as EBarChart } from 'echarts/charts';
import type { BarSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([EBarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** One stack of {@link StackedBarChart}. */
export interface ChartSeries {
  name: string;
  values: number[];
}

/** Props of {@link StackedBarChart}. */
export interface StackedBarChartProps {
  labels: string[];
  series: ChartSeries[];
  ariaLabel: string;
  /** Formats a value for the tooltip and the axis. */
  format?: (value: number) => string;
  /** Formats a value on the axis (shorter); defaults to `format`. */
  axisFormat?: (value: number) => string;
  height?: number;
  /** Bars run left to right (for long category names). */
  horizontal?: boolean;
}

const COLORS = ['#1864ab', '#e8590c', '#2b8a3e', '#862e9c', '#c92a2a'];

/** A tree-shaken ECharts stacked bar chart with a legend; load it with `React.lazy`. */
export default function StackedBarChart({
  labels,
  series,
  ariaLabel,
  format = String,
  axisFormat,
  height = 300,
  horizontal = false,
}: StackedBarChartProps) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!ref.current) return;
    const chart = init(ref.current, undefined, { renderer: 'canvas' });
    const category = { type: 'category' as const, data: labels };
    // Few ticks, and labels that would touch are dropped: a horizontal axis of amounts such as
    // "200 млн ₸" printed every label on top of the next.
    const value = {
      type: 'value' as const,
      splitNumber: horizontal ? 3 : 5,
      axisLabel: { formatter: (v: number) => (axisFormat ?? format)(v), hideOverlap: true, margin: 10 },
    };
    const option: Option = {
      color: COLORS,
      grid: { left: horizontal ? 120 : 90, right: horizontal ? 40 : 24, top: 40, bottom: 32 },
      legend: { top: 0, show: series.length > 1 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (v) => (typeof v === 'number' ? format(v) : String(v)),
      },
      xAxis: horizontal ? value : category,
      yAxis: horizontal ? category : value,
      series: series.map((s) => ({
        type: 'bar',
        name: s.name,
        stack: 'total',
        data: s.values,
        barMaxWidth: 36,
      })),
    };
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [labels, series, format, axisFormat, horizontal]);

  return <div ref={ref} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}
