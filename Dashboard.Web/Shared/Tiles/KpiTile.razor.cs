using System.Globalization;
using System.Text;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Indicators;
using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Indicators;
using Dashboard.Web.Shared.Localization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Shared.Tiles;

/// <summary>
/// One indicator at a glance: name, value in its unit (or "—" with the reason, never a silent zero), a 30-day
/// sparkline, the status against the target, the target, how old the data is (source and WIB time of the
/// last successful run on hover), a visible stale state past the freshness limit, and a "sedang diperbarui"
/// mark while its source runs. Plain markup styled with theme variables: a wall shows dozens of these per
/// circuit, so the tile holds no child components.
/// </summary>
public sealed partial class KpiTile
{
    private const double SparkWidth = 100;
    private const double SparkHeight = 28;

    private IndicatorStatus _status;
    private StatusStyle _style = StatusStyle.For(IndicatorStatus.NoData);
    private bool _stale;
    private string _name = "";
    private string? _definition;
    private FormattedValue? _value;
    private string? _caption;
    private string? _reason;
    private string? _carried;
    private string? _paused;
    private string? _targetText;
    private string _ageText = "";
    private string? _sourceTitle;
    private string? _staleTitle;
    private Sparkline? _spark;
    private string? _dataTime;
    private List<string> _quality = [];

    /// <summary>The indicator to show. Required.</summary>
    [Parameter, EditorRequired]
    public KpiTileModel Tile { get; set; } = default!;

    /// <summary>
    /// The instant ages and staleness are measured at. Pages pass one value to all their tiles so that they
    /// agree, and refresh it on a clock tick; when null the tile reads <see cref="TimeProvider"/> itself.
    /// </summary>
    [Parameter]
    public DateTimeOffset? Now { get; set; }

    /// <summary>Optional link of the indicator's name, to the page with its details.</summary>
    [Parameter]
    public string? Href { get; set; }

    /// <summary>Show the data-quality notes (kelurahan without data, rejected rows, an unusual value). Walls leave them out.</summary>
    [Parameter]
    public bool ShowQuality { get; set; } = true;

    [Inject]
    private IStringLocalizer<UiStrings> L { get; set; } = default!;

    [Inject]
    private DashboardFormatter Format { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    private string RootClass =>
        "kpi-tile" + (_stale ? " kpi-tile--stale" : "") + (Tile.IsRunning ? " kpi-tile--running" : "");

    protected override void OnParametersSet()
    {
        ArgumentNullException.ThrowIfNull(Tile);
        var culture = CultureInfo.CurrentUICulture;
        var now = Now ?? Time.GetUtcNow();

        _status = Tile.Status;
        _style = StatusStyle.For(_status);
        _stale = Tile.IsStaleAt(now);
        _name = Tile.NameIn(culture);
        _definition = Tile.DefinitionIn(culture);

        if (Tile.Value is { } value)
        {
            _value = Format.ValueParts(value, Tile.Unit);
            _caption = Tile.Label ?? Format.UnitCaption(Tile.Unit);
            _reason = null;
        }
        else
        {
            _value = null;
            _caption = null;
            _reason = ReasonForNoValue();
        }

        // An earlier day's value (today has none yet) says whose day it is; a paused source says so rather than just ageing.
        _carried = Tile.IsCarriedOn(Wib.DateOf(now)) ? L["tile.carried", Format.DayDate(Tile.AsOf!.Value)].Value : null;
        _paused = Tile.IsPaused ? PausedText(L, Format, Tile.PausedUntil) : null;

        _targetText = (Tile.Target, Tile.Direction) switch
        {
            ({ } t, IndicatorDirection.HigherIsBetter) => L["tile.target.higher", Format.Value(t, Tile.Unit)].Value,
            ({ } t, IndicatorDirection.LowerIsBetter) => L["tile.target.lower", Format.Value(t, Tile.Unit)].Value,
            _ => L["tile.noTarget"].Value,
        };

        var sourceName = SourceName(Tile.Source);
        var limit = Duration(Tile.FreshnessMinutes);
        if (Tile.AgeAt(now) is { } age && Tile.DataTime is { } dataTime)
        {
            _ageText = Format.Age(age);
            _sourceTitle = L["tile.sourceTitle", sourceName, Format.WibDateTime(dataTime), limit].Value;
        }
        else
        {
            _ageText = L["tile.age.never"].Value;
            _sourceTitle = L["tile.sourceTitleNever", sourceName].Value;
        }
        _staleTitle = _stale ? L["tile.staleTitle", limit].Value : null;
        _spark = Sparkline.From(Tile.Sparkline, Tile.Target);
        _quality = ShowQuality ? QualityNotes() : [];
        // Machine-readable freshness (round-trip UTC) for browser tests measuring commit-to-screen latency.
        _dataTime = Tile.DataTime?.UtcDateTime.ToString("o", CultureInfo.InvariantCulture);
    }

    private List<string> QualityNotes()
    {
        var notes = new List<string>();
        if (Tile.KelurahanWithData is { } with && with < Tile.KelurahanTotal)
        {
            notes.Add(L["tile.quality.missing", Format.Count(Tile.KelurahanTotal - with), Format.Count(Tile.KelurahanTotal)].Value);
        }
        if (Tile.LastRunRejected is > 0 and var rejected)
        {
            notes.Add(L["tile.quality.rejected", Format.Count(rejected)].Value);
        }
        if (Tile.IsOutlier)
        {
            notes.Add(L["tile.quality.outlier"].Value);
        }
        return notes;
    }

    private string ReasonForNoValue()
    {
        if (!Tile.HasSnapshot)
        {
            return Tile.LastSuccessAt is null ? L["reason.neverSucceeded"].Value : L["reason.noSnapshot"].Value;
        }
        return string.IsNullOrWhiteSpace(Tile.Label) ? L["reason.noValue"].Value : Tile.Label;
    }

    private string SourceName(string source) => L.SourceName(source);

    /// <summary>"Dijeda oleh operator sampai 7 Desember 2026 09:00 WIB" (or "… sampai dilanjutkan" without an end).</summary>
    public static string PausedText(IStringLocalizer localizer, DashboardFormatter format, DateTimeOffset? until)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(format);
        return until is { } end ? localizer["tile.paused", format.WibDateTime(end)].Value : localizer["tile.pausedOpen"].Value;
    }

    private string Duration(int minutes) =>
        minutes % 60 == 0 && minutes >= 60
            ? L["duration.hours", Format.Count(minutes / 60)].Value
            : L["duration.minutes", Format.Count(minutes)].Value;

    private static string Svg(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The sparkline as SVG polylines (one per run of consecutive days with a value).</summary>
    private sealed record Sparkline(IReadOnlyList<string> Segments, double? TargetY)
    {
        public static Sparkline? From(IReadOnlyList<SparkPoint> points, double? target)
        {
            var values = points.Where(p => p.Value.HasValue).Select(p => p.Value!.Value).ToList();
            if (values.Count < 2)
            {
                return null;
            }
            var min = values.Min();
            var max = values.Max();
            if (target is { } t)
            {
                min = Math.Min(min, t);
                max = Math.Max(max, t);
            }
            var range = max - min;
            const double pad = 2;
            double Y(double v) => range <= 0 ? SparkHeight / 2 : pad + ((max - v) / range * (SparkHeight - (2 * pad)));
            var step = points.Count > 1 ? SparkWidth / (points.Count - 1) : SparkWidth;

            var segments = new List<string>();
            var current = new StringBuilder();
            var count = 0;
            for (var i = 0; i < points.Count; i++)
            {
                if (points[i].Value is { } v)
                {
                    current.Append(Svg(i * step)).Append(',').Append(Svg(Y(v))).Append(' ');
                    count++;
                    continue;
                }
                Flush();
            }
            Flush();
            return new Sparkline(segments, target is { } tv ? Y(tv) : null);

            void Flush()
            {
                // A lone point draws nothing as a polyline; it is dropped rather than drawn as a dot.
                if (count >= 2)
                {
                    segments.Add(current.ToString().TrimEnd());
                }
                current.Clear();
                count = 0;
            }
        }
    }
}
