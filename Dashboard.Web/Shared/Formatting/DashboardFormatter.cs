using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Web.Shared.Localization;
using Humanizer;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Shared.Formatting;

/// <summary>
/// Formats numbers, money, durations and times the way the city writes them, in the current culture:
/// <c>78,4 %</c>, <c>1.234</c>, <c>Rp 663,64 miliar</c>, <c>Rp 1.234.567</c>, <c>12,5 jam kerja</c>,
/// <c>3 menit lalu</c>, <c>14:05 WIB</c>. Number separators come from <see cref="CultureInfo.CurrentCulture"/>;
/// words come from the UI text tables. Stateless: registered as a singleton.
/// </summary>
public sealed class DashboardFormatter(IStringLocalizer<UiStrings> text)
{
    private const double Billion = 1e9;
    private const double Trillion = 1e12;

    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    /// <summary>A whole count with thousands separators: <c>1.234</c>.</summary>
    public string Count(double value) => Math.Round(value, MidpointRounding.AwayFromZero).ToString("N0", Culture);

    /// <summary>A number with a fixed number of decimals: <c>12,30</c>.</summary>
    public string Number(double value, int decimals) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture);

    /// <summary>A number with at most one decimal, none when whole: <c>78,4</c>, <c>95</c>, <c>1.234,5</c>.</summary>
    public string Compact(double value) => value.ToString("#,##0.#", Culture);

    /// <summary>A percentage with at most one decimal: <c>78,4 %</c> (Indonesian) or <c>78.4%</c> (English).</summary>
    public string Percent(double value) => PercentParts(value).ToString();

    /// <summary>
    /// Rupiah: from one billion up in words with two decimals (<c>Rp 663,64 miliar</c>, <c>Rp 1,20 triliun</c>),
    /// below that in full (<c>Rp 1.234.567</c>).
    /// </summary>
    public string Rupiah(double value) => RupiahParts(value).ToString();

    /// <summary>Working hours with at most one decimal: <c>12,5 jam kerja</c>.</summary>
    public string WorkingHours(double value) => Parts("format.workingHours", Compact(value)).ToString();

    /// <summary>A value in its indicator unit, as on a tile: <c>78,4 %</c>, <c>12,5 jam kerja</c>, <c>1.234</c>.</summary>
    public string Value(double value, IndicatorUnit unit) => ValueParts(value, unit).ToString();

    /// <summary>
    /// A value in its unit split into the words before the number, the number, and the words after it, so that
    /// a tile can set the number large and the unit small (<c>Rp</c> · <c>663,64</c> · <c>miliar</c>).
    /// </summary>
    public FormattedValue ValueParts(double value, IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Percent => PercentParts(value),
        IndicatorUnit.Rupiah => RupiahParts(value),
        IndicatorUnit.WorkingHours => Parts("format.workingHours", Compact(value)),
        IndicatorUnit.Per10k => new FormattedValue("", Compact(value), ""),
        IndicatorUnit.Ratio => new FormattedValue("", Number(value, 2), ""),
        _ => new FormattedValue("", Count(value), ""),
    };

    private FormattedValue PercentParts(double value) => Parts("format.percent", Compact(value));

    private FormattedValue RupiahParts(double value) => Math.Abs(value) switch
    {
        >= Trillion => Parts("format.rupiah.trillion", Number(value / Trillion, 2)),
        >= Billion => Parts("format.rupiah.billion", Number(value / Billion, 2)),
        _ => Parts("format.rupiah", Count(value)),
    };

    // The text tables hold the whole pattern ("{0} jam kerja"), so word order stays the translator's choice.
    private FormattedValue Parts(string key, string number)
    {
        var pattern = text[key].Value;
        var at = pattern.IndexOf("{0}", StringComparison.Ordinal);
        return at < 0
            ? new FormattedValue("", number, " " + pattern)
            : new FormattedValue(pattern[..at], number, pattern[(at + 3)..]);
    }

    /// <summary>The caption a unit needs beside a bare number (<c>per 10.000 penduduk</c>), or null.</summary>
    public string? UnitCaption(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Per10k => text["unit.per10k"].Value,
        _ => null,
    };

    /// <summary>How long ago something happened: <c>baru saja</c>, <c>3 menit lalu</c>, <c>2 jam lalu</c>, <c>5 hari lalu</c>.</summary>
    public string Age(TimeSpan age)
    {
        if (age < TimeSpan.FromMinutes(1))
        {
            return text["age.justNow"].Value;
        }
        var span = age.Humanize(precision: 1, culture: CultureInfo.CurrentUICulture, maxUnit: TimeUnit.Day, minUnit: TimeUnit.Minute);
        return text["age.ago", span].Value;
    }

    /// <summary>The WIB clock time of an instant: <c>14:05 WIB</c>.</summary>
    public string WibTime(DateTimeOffset at) => text["format.wibTime", Wib.ToWib(at).ToString("HH':'mm", Culture)].Value;

    /// <summary>The WIB date and time of an instant: <c>12 Juni 2026 14:05 WIB</c>.</summary>
    public string WibDateTime(DateTimeOffset at) =>
        text["format.wibTime", Wib.ToWib(at).ToString("d MMMM yyyy HH':'mm", Culture)].Value;

    /// <summary>
    /// A WIB span of time, short: <c>28 Nov 10:00–12:30 WIB</c>, <c>28 Nov 22:00–29 Nov 01:15 WIB</c>; without an end
    /// (still going on), just the start: <c>28 Nov 10:00 WIB</c>.
    /// </summary>
    public string WibSpan(DateTimeOffset start, DateTimeOffset? end)
    {
        var from = Wib.ToWib(start);
        var span = from.ToString("d MMM HH':'mm", Culture);
        if (end is { } e)
        {
            var to = Wib.ToWib(e);
            span += "–" + to.ToString(to.Date == from.Date ? "HH':'mm" : "d MMM HH':'mm", Culture);
        }
        return text["format.wibTime", span].Value;
    }

    /// <summary>A date with the month in words: <c>12 Juni 2026</c>.</summary>
    public string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    /// <summary>A day with its weekday, short: <c>Jumat, 4 Des 2026</c>.</summary>
    public string DayDate(DateOnly date) => date.ToString("dddd, d MMM yyyy", Culture);

    /// <summary>
    /// A change of a value in its unit, signed: <c>+1.234</c>, <c>−Rp 2,10 miliar</c>; a change of a percentage is in
    /// percentage points (<c>+3,2 pp</c>), never in percent of the percentage.
    /// </summary>
    public string Change(double change, IndicatorUnit unit)
    {
        var sign = change > 0 ? "+" : change < 0 ? "−" : "±";
        var size = Math.Abs(change);
        return sign + (unit == IndicatorUnit.Percent ? text["format.points", Compact(size)].Value : Value(size, unit));
    }

    /// <summary>A short day label for chart axes: <c>12 Jun</c>.</summary>
    public string ShortDate(DateOnly date) => date.ToString("d MMM", Culture);
}

/// <summary>A formatted value in three parts: words before the number, the number, words after it.</summary>
public readonly record struct FormattedValue(string Prefix, string Number, string Suffix)
{
    public override string ToString() => Prefix + Number + Suffix;
}
