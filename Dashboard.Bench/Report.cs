using System.Globalization;
using Dashboard.Bench.Hosting;

namespace Dashboard.Bench;

/// <summary>
/// One figure of a benchmark over several runs, beside the baseline measured in the same runs: printed as a
/// Markdown row of median (min–max), baseline median (min–max), the median of the per-run ratios, the aim and
/// whether the median meets it.
/// </summary>
internal sealed record Figure(string Name, IReadOnlyList<double> Values, IReadOnlyList<double>? Baseline, string Format, string Aim, bool? Met);

/// <summary>Collects <see cref="Figure"/>s and prints them as a Markdown table with the machine's details.</summary>
internal sealed class Report(string title)
{
    private readonly List<Figure> _figures = [];

    /// <summary>
    /// Adds a figure. <paramref name="aim"/> describes it; <paramref name="met"/> judges the median value and
    /// the median ratio (NaN without a baseline).
    /// </summary>
    public void Add(string name, IReadOnlyList<double> values, IReadOnlyList<double>? baseline, string format, string aim,
        Func<double, double, bool>? met = null)
    {
        var ratio = baseline is null ? double.NaN : Stats.Median(Ratios(values, baseline));
        _figures.Add(new Figure(name, values, baseline, format, aim, met?.Invoke(Stats.Median(values), ratio)));
    }

    private static List<double> Ratios(IReadOnlyList<double> values, IReadOnlyList<double> baseline) =>
        [.. values.Zip(baseline, (v, b) => b == 0 ? double.NaN : v / b)];

    public async Task PrintAsync()
    {
        var o = Console.Out;
        await o.WriteLineAsync();
        await o.WriteLineAsync($"### {title}");
        await o.WriteLineAsync();
        await o.WriteLineAsync(Machine.Describe());
        await o.WriteLineAsync();
        await o.WriteLineAsync("| Figure | Median (min–max) | Baseline median (min–max) | Ratio median (min–max) | Aim | Met |");
        await o.WriteLineAsync("|---|---|---|---|---|---|");
        foreach (var f in _figures)
        {
            var baseline = f.Baseline is null ? "—" : Stats.Summary(f.Baseline, f.Format);
            var ratio = f.Baseline is null ? "—" : Stats.Summary(Ratios(f.Values, f.Baseline), "F2");
            var met = f.Met switch { true => "yes", false => "**no**", null => "—" };
            await o.WriteLineAsync($"| {f.Name} | {Stats.Summary(f.Values, f.Format)} | {baseline} | {ratio} | {f.Aim} | {met} |");
        }
        await o.FlushAsync();
    }
}

internal static class Stats
{
    public static double Median(IEnumerable<double> values) => Percentile([.. values], 50);

    /// <summary>Nearest-rank percentile (p in 0–100) of unsorted values.</summary>
    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    public static string Summary(IReadOnlyList<double> values, string format)
    {
        var c = CultureInfo.InvariantCulture;
        return values.Count == 1
            ? values[0].ToString(format, c)
            : $"{Median(values).ToString(format, c)} ({values.Min().ToString(format, c)} – {values.Max().ToString(format, c)})";
    }

    /// <summary>Least-squares slope of y over x.</summary>
    public static double Slope(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var mx = x.Average();
        var my = y.Average();
        var num = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        var den = x.Sum(a => (a - mx) * (a - mx));
        return num / den;
    }

    /// <summary>The managed heap after full, compacting collections and finalizers: what the server holds.</summary>
    public static long ManagedBytes()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

internal static class Machine
{
    public static string Describe()
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[..3] : ["?"];
        return $"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
               $".NET {Environment.Version}, Chromium {Browser.Version ?? "not started"}, load average now {string.Join(' ', load)}, " +
               $"{TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC";
    }

    public static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}

/// <summary>Command-line options: <c>--name value</c>.</summary>
internal sealed class Args(string[] args)
{
    public string? Text(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    public int Int(string name, int fallback) => Text(name) is { } s ? int.Parse(s, CultureInfo.InvariantCulture) : fallback;

    public int[] Ints(string name, int[] fallback) =>
        Text(name) is { } s ? [.. s.Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture))] : fallback;
}
