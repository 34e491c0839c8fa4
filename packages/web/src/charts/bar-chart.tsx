import { BarChart as EBarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

use([EBarChart, GridComponent, TooltipComponent, CanvasRenderer]);

type Option = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

/** Props of {@link BarChart}. */
export interface BarChartProps {
  /** Category labels along the x axis. */
  labels: string[];
  values: number[];
  /** Accessible description of the chart (the canvas itself says nothing to screen readers). */
  ariaLabel: string;
  height?: number;
}

/**
 * A small tree-shaken ECharts bar chart. Load it with `React.lazy` so ECharts stays out of the
 * first page load.
 */
export default function BarChart({ labels, values, ariaLabel, height = 260 }: BarChartProps) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!ref.current) return;
    const chart = init(ref.current, undefined, { renderer: 'canvas' });
    const option: Option = {
      grid: { left: 40, right: 16, top: 24, bottom: 64 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: labels, axisLabel: { interval: 0, rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'bar',
          data: values,
          itemStyle: { color: '#1864ab' },
          barMaxWidth: 36,
          label: { show: true, position: 'top', color: '#212529' },
        },
      ],
    };
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(ref.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [labels, values]);

  return <div ref={ref} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}
