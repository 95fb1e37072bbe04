using System.Globalization;
using System.Text.Json;

namespace Dashboard.Tests.Sources.Letters;

/// <summary>
/// The letter rules written out again for the tests, independently of the production code: the service standard
/// per type and the deadline (the same time of day n working days later, weekends, national holidays and cuti bersama
/// skipped; requests on a day off count from the next working morning 08:00).
/// </summary>
internal static class LettersExpectations
{
    public static readonly TimeSpan Wib = TimeSpan.FromHours(7);

    public static readonly string[] Types = ["domisili", "sktm", "pengantar_skck", "keterangan_usaha", "kematian", "lainnya"];
    public static readonly string[] Statuses = ["diajukan", "diproses", "selesai", "ditolak"];

    /// <summary>The names a kelurahan counter uses, as the tile's breakdown must show them.</summary>
    public static string ShortName(string type) => type switch
    {
        "sktm" => "SKTM",
        "pengantar_skck" => "SKCK",
        "keterangan_usaha" => "ket. usaha",
        _ => type.Replace('_', ' '),
    };

    public static int StandardDays(string type) => type is "domisili" or "pengantar_skck" or "kematian" ? 1 : 3;

    public static DateTimeOffset Deadline(string type, DateTimeOffset requested)
    {
        var local = requested.ToOffset(Wib);
        var day = local.Date;
        var timeOfDay = local.TimeOfDay;
        if (Dashboard.Tests.Shared.OfficialDaysOff.IsOff(day))
        {
            while (Dashboard.Tests.Shared.OfficialDaysOff.IsOff(day))
            {
                day = day.AddDays(1);
            }
            timeOfDay = TimeSpan.FromHours(8);
        }
        for (var added = 0; added < StandardDays(type);)
        {
            day = day.AddDays(1);
            if (!Dashboard.Tests.Shared.OfficialDaysOff.IsOff(day))
            {
                added++;
            }
        }
        return new DateTimeOffset(day + timeOfDay, Wib);
    }

    public static DateOnly DayOf(DateTimeOffset t) => DateOnly.FromDateTime(t.ToOffset(Wib).DateTime);

    /// <summary>A served letter as plain values.</summary>
    public sealed record Served(string Id, string Kelurahan, string Type, string Status, DateTimeOffset Requested, DateTimeOffset? Completed);

    public static Served Read(JsonElement item)
    {
        static DateTimeOffset Parse(string s) => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture);
        var completed = item.GetProperty("completed_at");
        return new Served(
            item.GetProperty("id").GetString()!,
            item.GetProperty("kelurahan_code").GetString()!,
            item.GetProperty("letter_type").GetString()!,
            item.GetProperty("status").GetString()!,
            Parse(item.GetProperty("requested_at").GetString()!),
            completed.ValueKind == JsonValueKind.Null ? null : Parse(completed.GetString()!));
    }

    /// <summary>#44: requests on <paramref name="day"/>.</summary>
    public static int Requests(IEnumerable<Served> letters, DateOnly day) => letters.Count(l => DayOf(l.Requested) == day);

    /// <summary>#45: of non-rejected letters due in the 30 days ending <paramref name="day"/>, the share done by the deadline.</summary>
    public static double? WithinStandardPct(IEnumerable<Served> letters, DateOnly day)
    {
        var due = letters
            .Where(l => l.Status != "ditolak")
            .Select(l => (Letter: l, Deadline: Deadline(l.Type, l.Requested)))
            .Where(x => DayOf(x.Deadline) <= day && DayOf(x.Deadline) > day.AddDays(-30))
            .ToList();
        if (due.Count == 0)
        {
            return null;
        }
        var inTime = due.Count(x => x.Letter.Status == "selesai" && x.Letter.Completed <= x.Deadline);
        return Math.Round(inTime * 100.0 / due.Count, 1);
    }
}
