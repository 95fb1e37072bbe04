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

// Okabe & Ito's palette (colour-blind safe, eight distinct hues), the light theme's black swapped for a grey the dark
// theme can show too. Every series or slice of a chart up to eight gets its own colour.
const palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#8C8C8C'];

// A target as ApexCharts draws it: a dashed line across the plot (one target) or a marker on each bar (one per category).
function targetAnnotation(config, text) {
  const line = { y: config.targetLine, borderColor: '#D55E00', strokeDashArray: 6, borderWidth: 2,
    label: { text, borderColor: '#D55E00', position: 'left', textAnchor: 'start', style: { color: '#fff', background: '#D55E00', ...(config.fontSize ? { fontSize: `${config.fontSize}px` } : {}) } } };
  return config.horizontal ? { xaxis: [{ ...line, x: config.targetLine, y: undefined }] } : { yaxis: [line] };
}

function withGoals(config, series) {
  if (!config.goals || series.length === 0) {
    return series;
  }
  const [first, ...rest] = series;
  const data = first.data.map((y, i) => ({
    x: config.categories[i],
    y,
    goals: config.goals[i] === null || config.goals[i] === undefined ? [] :
      [{ name: config.targetLabel ?? '', value: config.goals[i], strokeWidth: 4, strokeHeight: 14, strokeColor: '#D55E00' }],
  }));
  return [{ ...first, data }, ...rest];
}

function buildOptions(config) {
  const numbers = new Intl.NumberFormat(config.locale, { maximumFractionDigits: config.wholeNumbers ? 0 : 1 });
  const format = v => (v === null || v === undefined || Number.isNaN(v) ? '—' : numbers.format(v));
  // A slice's share in the page's own percent format ("30,1 %" in Indonesian, "30.1%" in English).
  const shares = new Intl.NumberFormat(config.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const percent = v => (config.percentPattern ?? '{0}%').replace('{0}', shares.format(v));
  const circular = isCircular(config.type);
  const fontSize = config.fontSize ? `${config.fontSize}px` : undefined;
  // Only a size that is set: an explicit undefined overrides ApexCharts' default and its layout computes NaN offsets.
  const sized = fontSize ? { fontSize } : {};
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
    colors: palette,
    series: circular ? seriesFor(config) : withGoals(config, seriesFor(config)),
    dataLabels: { enabled: circular, formatter: percent, style: sized },
    // Straight segments: a smoothed curve invents values between the days and overshoots below zero.
    stroke: { width: config.type === 'line' || config.type === 'area' ? 2 : 0, curve: 'straight' },
    legend: { position: 'bottom', show: circular || config.series.length > 1, ...sized },
    tooltip: { y: { formatter: format } },
    noData: { text: config.noDataText },
    grid: { borderColor: config.dark ? 'rgba(230,237,243,0.12)' : '#e0e0e0' },
  };
  if (circular) {
    options.labels = config.categories;
  } else if (config.horizontal) {
    options.plotOptions = { bar: { horizontal: true, borderRadius: 2, barHeight: '70%' } };
    options.xaxis = { categories: config.categories, labels: { formatter: format, style: sized } };
    options.yaxis = { labels: { maxWidth: 240, style: sized } };
    if (config.wholeNumbers) {
      options.xaxis.min = 0;
    }
    if (config.wholeNumbers) {
      options.xaxis.tickAmount = wholeTicks(config);
    }
  } else {
    options.plotOptions = { bar: { borderRadius: 2, columnWidth: '70%' } };
    // At most ten date labels, fewer when large type would crowd them (about five characters a label).
    const fits = config.width ? Math.max(2, Math.floor(config.width / ((config.fontSize ?? 11) * 5))) : 10;
    const step = Math.ceil(config.categories.length / Math.min(10, fits));
    const position = new Map(config.categories.map((c, i) => [c, i]));
    // A category axis draws every label: keep every step-th (counted from the latest day) and leave the rest blank.
    const last = config.categories.length - 1;
    const sparse = v => (step <= 1 || !position.has(v) || (last - position.get(v)) % step === 0 ? v : '');
    options.xaxis = { categories: config.categories, tickAmount: Math.min(config.categories.length, 10, fits), labels: { rotate: 0, hideOverlappingLabels: true, style: sized, formatter: sparse } };
    options.tooltip.x = { formatter: v => v };
    // A series that never goes below zero never gets a negative axis from the nice-scale padding.
    const lowest = Math.min(...config.series.flatMap(s => s.values).filter(v => v !== null));
    options.yaxis = { labels: { formatter: format, style: sized }, forceNiceScale: true, min: m => (lowest >= 0 ? Math.max(0, m) : m) };
    if (config.wholeNumbers) {
      // Counts start at zero: a bar or line cut off above zero overstates every change.
      options.yaxis.min = 0;
      options.yaxis.tickAmount = wholeTicks(config);
    }
  }
  if (!circular && config.targetLine !== null && config.targetLine !== undefined) {
    options.annotations = targetAnnotation(config, config.targetLabel ?? '');
  }
  return merge(options, config.options);
}

export async function render(element, id, config) {
  const ApexCharts = await loadApexCharts();
  destroy(id);
  if (!element || !element.isConnected) {
    return;
  }
  const chart = new ApexCharts(element, buildOptions({ ...config, width: element.clientWidth }));
  charts.set(id, { chart, config });
  await chart.render();
}

export async function update(id, data) {
  const entry = charts.get(id);
  if (!entry) {
    return;
  }
  const config = { ...entry.config, categories: data.categories, series: data.series, goals: data.goals ?? entry.config.goals };
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
  await entry.chart.updateSeries(circular ? seriesFor(config) : withGoals(config, seriesFor(config)), false);
}

export function destroy(id) {
  const entry = charts.get(id);
  if (entry) {
    charts.delete(id);
    entry.chart.destroy();
  }
}
