// The one place that calls ApexCharts (npm apexcharts 4.7.0, copied to wwwroot/lib by ChartAssets.targets).
// Used only by Shared/Charts/ApexChart.razor.cs. Charts are kept by element id so that they can be destroyed
// after Blazor has already removed their element.

const scriptUrl = new URL('../lib/apexcharts/apexcharts.min.js', import.meta.url).href;
const charts = new Map();
let loading = null;

function loadApexCharts() {
  if (window.ApexCharts) {
    return Promise.resolve(window.ApexCharts);
  }
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = scriptUrl;
      script.async = true;
      script.onload = () => resolve(window.ApexCharts);
      script.onerror = () => {
        loading = null;
        reject(new Error(`ApexCharts could not be loaded from ${scriptUrl}`));
      };
      document.head.appendChild(script);
    });
  }
  return loading;
}

const isPlainObject = v => v !== null && typeof v === 'object' && !Array.isArray(v);

function merge(target, source) {
  for (const [key, value] of Object.entries(source ?? {})) {
    target[key] = isPlainObject(value) && isPlainObject(target[key]) ? merge(target[key], value) : value;
  }
  return target;
}

const isCircular = type => type === 'donut' || type === 'pie';

function seriesFor(config) {
  if (isCircular(config.type)) {
    return (config.series[0]?.values ?? []).map(v => v ?? 0);
  }
  return config.series.map(s => ({ name: s.name, data: s.values }));
}

// For counts: at most ten ticks, on whole numbers, so that a small maximum does not produce 0,5 steps.
function wholeTicks(config) {
  const max = Math.max(0, ...config.series.flatMap(s => s.values).filter(v => v !== null));
  return max > 0 && max < 10 ? Math.ceil(max) : undefined;
}

function buildOptions(config) {
  const numbers = new Intl.NumberFormat(config.locale, { maximumFractionDigits: config.wholeNumbers ? 0 : 1 });
  const format = v => (v === null || v === undefined || Number.isNaN(v) ? '—' : numbers.format(v));
  const circular = isCircular(config.type);
  const options = {
    chart: {
      type: config.type,
      height: config.height,
      background: 'transparent',
      fontFamily: 'inherit',
      animations: { enabled: false },
      toolbar: { show: false },
      zoom: { enabled: false },
      redrawOnParentResize: true,
    },
    theme: { mode: config.dark ? 'dark' : 'light' },
    series: seriesFor(config),
    dataLabels: { enabled: circular },
    stroke: { width: config.type === 'line' || config.type === 'area' ? 2 : 0 },
    legend: { position: 'bottom', show: circular || config.series.length > 1 },
    tooltip: { y: { formatter: format } },
    noData: { text: config.noDataText },
    grid: { borderColor: config.dark ? 'rgba(230,237,243,0.12)' : '#e0e0e0' },
  };
  if (circular) {
    options.labels = config.categories;
  } else if (config.horizontal) {
    options.plotOptions = { bar: { horizontal: true, borderRadius: 2, barHeight: '70%' } };
    options.xaxis = { categories: config.categories, labels: { formatter: format } };
    options.yaxis = { labels: { maxWidth: 240 } };
    if (config.wholeNumbers) {
      options.xaxis.tickAmount = wholeTicks(config);
    }
  } else {
    options.plotOptions = { bar: { borderRadius: 2, columnWidth: '70%' } };
    options.xaxis = { categories: config.categories, tickAmount: Math.min(config.categories.length, 10), labels: { rotate: 0, hideOverlappingLabels: true } };
    options.yaxis = { labels: { formatter: format }, forceNiceScale: true };
    if (config.wholeNumbers) {
      options.yaxis.tickAmount = wholeTicks(config);
    }
  }
  return merge(options, config.options);
}

export async function render(element, id, config) {
  const ApexCharts = await loadApexCharts();
  destroy(id);
  if (!element || !element.isConnected) {
    return;
  }
  const chart = new ApexCharts(element, buildOptions(config));
  charts.set(id, { chart, config });
  await chart.render();
}

export async function update(id, data) {
  const entry = charts.get(id);
  if (!entry) {
    return;
  }
  const config = { ...entry.config, categories: data.categories, series: data.series };
  const categoriesChanged = JSON.stringify(entry.config.categories) !== JSON.stringify(data.categories);
  entry.config = config;
  const circular = isCircular(config.type);
  const changes = {};
  if (categoriesChanged) {
    Object.assign(changes, circular ? { labels: config.categories } : { xaxis: { categories: config.categories } });
  }
  if (config.wholeNumbers && !circular) {
    const axis = config.horizontal ? 'xaxis' : 'yaxis';
    changes[axis] = { ...changes[axis], tickAmount: wholeTicks(config) };
  }
  if (Object.keys(changes).length > 0) {
    await entry.chart.updateOptions(changes, false, false);
  }
  await entry.chart.updateSeries(seriesFor(config), false);
}

export function destroy(id) {
  const entry = charts.get(id);
  if (entry) {
    charts.delete(id);
    entry.chart.destroy();
  }
}
