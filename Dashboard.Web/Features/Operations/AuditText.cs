using System.Globalization;
using System.Text.RegularExpressions;
using Dashboard.Web.Features.Walls;
using Dashboard.Web.Shared.Formatting;
using Dashboard.Web.Shared.Localization;
using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Features.Operations;

/// <summary>
/// The audit log as a person reads it: each action code (<c>source.refresh</c>) under its label in the reader's language,
/// and the stored before/after texts (written once, in a fixed form, by the code that made the change) with their
/// instants in WIB for the reader's culture, a source's state and a wall screen's settings in words. A text this class
/// does not recognise is shown as stored, its timestamps still converted.
/// </summary>
public sealed partial class AuditText(IStringLocalizer<UiStrings> text, DashboardFormatter format)
{
    /// <summary>The action's label ("Perbarui sekarang" for <c>source.refresh</c>); the code itself when it has none.</summary>
    public string Action(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var label = text["audit.action." + code];
        return label.ResourceNotFound ? code : label.Value;
    }

    /// <summary>A stored before/after or reason text in the reader's language, times in WIB.</summary>
    public string? Value(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return stored;
        }
        if (stored == "aktif")
        {
            return text["audit.state.active"].Value;
        }
        if (Paused().Match(stored) is { Success: true } paused)
        {
            var since = Instant(paused.Groups["since"].Value);
            var until = paused.Groups["until"].Success ? Instant(paused.Groups["until"].Value) : null;
            return until is null
                ? text["audit.state.paused", since, paused.Groups["by"].Value, paused.Groups["reason"].Value].Value
                : text["audit.state.pausedUntil", since, paused.Groups["by"].Value, until, paused.Groups["reason"].Value].Value;
        }
        if (WallSettings().Match(stored) is { Success: true } wall)
        {
            return Wall(wall);
        }
        if (Job().Match(stored) is { Success: true } job)
        {
            return text["audit.job", job.Groups["id"].Value].Value;
        }
        if (stored == "Masa jeda berakhir")
        {
            return text["audit.pauseEnded"].Value;
        }
        var converted = IsoInstant().Replace(stored, m => Instant(m.Value));
        return converted.Replace(" (bawaan)", " (" + text["audit.default"].Value + ")", StringComparison.Ordinal);
    }

    private string Wall(Match m)
    {
        var boards = WallBoards.Parse(m.Groups["boards"].Value).Select(b => text[b.TitleKey].Value);
        var parts = new List<string> { m.Groups["name"].Value };
        if (m.Groups["location"].Value is { Length: > 0 } location)
        {
            parts.Add(location);
        }
        parts.Add(string.Join(", ", boards));
        parts.Add(text["audit.wall.rotation", m.Groups["seconds"].Value].Value);
        parts.Add(text[bool.TryParse(m.Groups["regions"].Value, out var regions) && regions ? "audit.wall.regions" : "audit.wall.noRegions"].Value);
        parts.Add(text[m.Groups["theme"].Value.Equals("Light", StringComparison.OrdinalIgnoreCase) ? "audit.wall.light" : "audit.wall.dark"].Value);
        var from = m.Groups["from"].Value;
        var until = m.Groups["until"].Value;
        parts.Add(from.Length > 0 && until.Length > 0 ? text["audit.wall.night", from, until].Value : text["audit.wall.noNight"].Value);
        return string.Join(" · ", parts);
    }

    private string Instant(string iso) =>
        DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? format.WibDateTime(at) : iso;

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})", RegexOptions.CultureInvariant)]
    private static partial Regex IsoInstant();

    [GeneratedRegex(@"^dijeda sejak (?<since>\S+) oleh (?<by>.*?)(?: sampai (?<until>\S+))?: (?<reason>.*)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Paused();

    // WallScreenService's form: "name · location · boards · 60 s · wilayah=False · Dark · malam=22:00-06:00".
    [GeneratedRegex(@"^(?<name>.*?) · (?<location>.*?) · (?<boards>[^·]*?) · (?<seconds>\d+) s · wilayah=(?<regions>True|False) · (?<theme>\w+) · malam=(?<from>[^-]*)-(?<until>.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex WallSettings();

    [GeneratedRegex(@"^job (?<id>\S+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Job();
}
