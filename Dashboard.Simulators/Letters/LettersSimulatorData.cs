using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Sources.Letters;
using Dashboard.Simulators.Shared;

namespace Dashboard.Simulators.Letters;

public enum LetterEventKind : byte
{
    Requested = 0,
    Processing,
    Completed,
    Rejected,
    /// <summary>The source served the letter again unchanged (a re-sync): only <c>updated_at</c> moves.</summary>
    Resent,
    Withdrawn,
}

/// <summary>One step of a letter's lifecycle, at a whole second.</summary>
public readonly record struct LetterEvent(long UtcTicks, LetterEventKind Kind) : IPlannedEvent<LetterEvent>
{
    public DateTimeOffset At => new(UtcTicks, TimeSpan.Zero);

    public bool Withdraws => Kind == LetterEventKind.Withdrawn;

    public LetterEvent Retimed(long utcTicks) => this with { UtcTicks = utcTicks };
}

/// <summary>
/// A letter's fixed attributes and its planned timeline; <see cref="Events"/> is replaced, never edited, so that
/// served versions stay immutable.
/// </summary>
public sealed class LetterPlan : PlannedRecord<LetterEvent>
{
    public short Kelurahan { get; init; }
    public byte Type { get; init; }
}

/// <summary>A served version: the plan as of its first <see cref="Applied"/> events.</summary>
public readonly record struct LetterVersion(LetterPlan Plan, LetterEvent[] Events, int Applied);

/// <summary>
/// Calibration and rendering of simulated kelurahan letter requests. Every number here is an assumption (docs/DOMAIN.md
/// §12: no kelurahan service statistics were found): about 240 requests a working day city-wide (≈ 4 a kelurahan,
/// ≈ 60,000 a year), spread over the 57 kelurahan by population, at the counter in office hours with a Monday peak
/// and a little online traffic at night and at weekends; SKTM peaks before SPMB and the new academic year (May–July),
/// pengantar SKCK in the job-seeking months (June–August); 3–9 % rejected for missing requirements; most letters done
/// within hours, a late share past the standard and a long tail of weeks; each kelurahan has its own diligence, and
/// volumes grow slowly (≈ 6 % a year).
/// </summary>
internal static class LettersSimulatorData
{
    /// <summary>Requests on an average working day, city-wide, before seasonal and weekday weighting.</summary>
    public const double BaseWorkingDayRate = 240.0;

    public static readonly TimeSpan Wib = SimulatorJson.WibOffset;

    public static readonly string[] TypeNames = [.. LettersPayload.TypeOrder];
    public static readonly string[] StatusNames = ["diajukan", "diproses", "selesai", "ditolak"];

    public const byte TypeSktm = 1;
    public const byte TypeSkck = 2;
    public const byte TypeUsaha = 3;

    public static readonly IReadOnlyDictionary<string, string[]> UnknownEnumValues = new Dictionary<string, string[]>
    {
        ["letter_type"] = ["ahli_waris", "izin_keramaian", "belum_menikah"],
        ["status"] = ["dibatalkan", "menunggu_ttd"],
    };

    private static readonly double[] TypeWeights = [30, 14, 17, 12, 5, 22];

    public static readonly string[] KelurahanCodes = [.. ReferenceData.Kelurahan.Select(k => k.Code)];

    private static readonly WeightedChoice<short> Kelurahan = new(
        ReferenceData.Kelurahan.Select((k, i) => ((short)i, (double)Math.Max(k.Population, 1))));

    /// <summary>Share of a day's requests per WIB hour: the counter opens at 08:00; online requests trickle in at night.</summary>
    private static readonly double[] HourShare = Normalise(
    [
        0.05, 0.03, 0.02, 0.02, 0.03, 0.08, 0.2, 0.8, 6.0, 9.5, 10.0, 9.0, 6.5, 7.5, 7.0, 4.5, 1.2, 0.6, 0.5, 0.5, 0.45, 0.35, 0.2, 0.1,
    ]);

    /// <summary>Indexed by <see cref="DayOfWeek"/> (Sunday first): a Monday peak, a short Friday, closed at weekends.</summary>
    private static readonly double[] WeekdayWeights = [0.04, 1.25, 1.05, 1.0, 1.0, 0.85, 0.06];

    /// <summary>Monthly factor on the whole volume (January first): a quiet Ramadan/Lebaran spring and December.</summary>
    private static readonly double[] MonthWeights = [1.0, 0.97, 0.9, 0.92, 1.05, 1.2, 1.15, 1.05, 1.0, 1.0, 0.97, 0.85];

    private static readonly DateTimeOffset TrendOrigin = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private const double YearlyGrowth = 0.06;

    public static readonly double MaxHourlyRate =
        BaseWorkingDayRate * HourShare.Max() * WeekdayWeights.Max() * MonthWeights.Max() * 1.3;

    /// <summary>Requests per hour at <paramref name="at"/>.</summary>
    public static double HourlyRate(DateTimeOffset at)
    {
        var local = at.ToOffset(Wib);
        var years = (at - TrendOrigin).TotalDays / 365.25;
        var trend = Math.Clamp(1 + (YearlyGrowth * years), 0.5, 1.3);
        return BaseWorkingDayRate * HourShare[local.Hour] * WeekdayWeights[(int)local.DayOfWeek] * MonthWeights[local.Month - 1] * trend;
    }

    /// <summary>The letter type of a request in <paramref name="month"/> (1–12): SKTM and SKCK have their seasons.</summary>
    private static byte PickType(int month, SimulatorRandom r)
    {
        Span<double> w = stackalloc double[TypeWeights.Length];
        TypeWeights.CopyTo(w);
        if (month is >= 5 and <= 7)
        {
            w[TypeSktm] *= 2.0;
        }
        if (month is >= 6 and <= 8)
        {
            w[TypeSkck] *= 1.6;
        }
        var total = 0.0;
        foreach (var x in w)
        {
            total += x;
        }
        var u = r.NextDouble() * total;
        for (byte i = 0; i < w.Length; i++)
        {
            u -= w[i];
            if (u < 0)
            {
                return i;
            }
        }
        return (byte)(w.Length - 1);
    }

    /// <summary>Per kelurahan, how much more (or less) often letters are late than average: 0.4 to 2.2.</summary>
    private static readonly double[] Tardiness = BuildTardiness();

    private static double[] BuildTardiness()
    {
        var r = SimulatorRandom.For(20260601, 4400);
        return [.. KelurahanCodes.Select(_ => Math.Exp(r.Normal() * 0.45) is var f && f < 0.4 ? 0.4 : Math.Min(f, 2.2))];
    }

    public const double WithdrawnShare = 0.003;
    private static readonly double[] RejectedShare = [0.025, 0.09, 0.03, 0.06, 0.01, 0.04];
    private const double LateShare = 0.07;
    private const double VerySlowShare = 0.012;

    /// <summary>Draws a letter requested at <paramref name="requested"/> with its whole planned lifecycle.</summary>
    public static LetterPlan CreatePlan(string id, DateTimeOffset requested, SimulatorRandom r)
    {
        var t0 = Truncate(requested);
        var kelurahan = Kelurahan.Pick(r);
        var type = PickType(t0.Month, r);
        var events = new List<LetterEvent>(4) { new(t0.UtcTicks, LetterEventKind.Requested) };
        var standardHours = 8.0 * LettersPayload.StandardDays(TypeNames[type]);

        double hours;
        var rejected = r.Chance(RejectedShare[type]);
        var tardiness = Tardiness[kelurahan];
        if (rejected)
        {
            hours = Math.Clamp(r.LogNormal(1.5, 1.0), 0.1, standardHours * 2);
        }
        else if (r.Chance(VerySlowShare * tardiness))
        {
            // Waiting weeks for a signature, a field check or a missing RT/RW letter.
            hours = standardHours + 4 + Math.Min(r.Exponential(70), 8 * 60);
        }
        else if (r.Chance(LateShare * tardiness))
        {
            hours = standardHours + 0.25 + r.Exponential(9);
        }
        else
        {
            hours = standardHours <= 8
                ? Math.Clamp(r.LogNormal(1.2, 1.0), 0.08, 7.5)
                : Math.Clamp(r.LogNormal(6, 0.9), 0.2, standardHours - 0.5);
        }
        var done = Truncate(AddWorkingHours(t0, hours));
        var startHours = Math.Min(hours * r.Uniform(0.05, 0.5), Math.Clamp(r.LogNormal(0.3, 1.0), 0.02, 6));
        var processing = Truncate(AddWorkingHours(t0, startHours));
        if (processing <= t0)
        {
            processing = t0 + TimeSpan.FromSeconds(30);
        }
        if (done <= processing)
        {
            done = processing + TimeSpan.FromMinutes(1);
        }
        events.Add(new LetterEvent(processing.UtcTicks, LetterEventKind.Processing));
        events.Add(new LetterEvent(done.UtcTicks, rejected ? LetterEventKind.Rejected : LetterEventKind.Completed));

        if (r.Chance(WithdrawnShare))
        {
            var withdrawn = Truncate(t0 + TimeSpan.FromHours(r.Uniform(0.2, 48))).UtcTicks;
            events.RemoveAll(e => e.Kind != LetterEventKind.Requested && e.UtcTicks >= withdrawn);
            events.Add(new LetterEvent(withdrawn, LetterEventKind.Withdrawn));
        }
        return new LetterPlan { Id = id, Kelurahan = kelurahan, Type = type, Events = [.. events] };
    }

    /// <summary>Status index and completion time after the version's applied events.</summary>
    public static (int Status, DateTimeOffset? Completed) StateOf(LetterVersion version)
    {
        var status = 0;
        DateTimeOffset? completed = null;
        for (var i = 0; i < version.Applied; i++)
        {
            var e = version.Events[i];
            switch (e.Kind)
            {
                case LetterEventKind.Processing:
                    status = 1;
                    break;
                case LetterEventKind.Completed:
                    status = 2;
                    completed = e.At;
                    break;
                case LetterEventKind.Rejected:
                    status = 3;
                    completed = e.At;
                    break;
                default:
                    break;
            }
        }
        return (status, completed);
    }

    /// <summary>The next step of a letter someone acts on now: an open one moves on, a finished one is re-sent.</summary>
    public static LetterEvent Resume(LetterVersion version, DateTimeOffset now)
    {
        var (status, _) = StateOf(version);
        var kind = status switch
        {
            0 => LetterEventKind.Processing,
            1 => LetterEventKind.Completed,
            _ => LetterEventKind.Resent,
        };
        return new LetterEvent(Truncate(now).UtcTicks, kind);
    }

    private static readonly JsonEncodedText KelurahanCodeName = JsonEncodedText.Encode("kelurahan_code");
    private static readonly JsonEncodedText LetterTypeName = JsonEncodedText.Encode("letter_type");
    private static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText RequestedAtName = JsonEncodedText.Encode("requested_at");
    private static readonly JsonEncodedText CompletedAtName = JsonEncodedText.Encode("completed_at");

    /// <summary>The contract's fields of a letter version, between <c>id</c> and <c>updated_at</c>.</summary>
    public static void WritePayload(Utf8JsonWriter writer, LetterVersion version)
    {
        var p = version.Plan;
        var (status, completed) = StateOf(version);
        writer.WriteString(KelurahanCodeName, KelurahanCodes[p.Kelurahan]);
        writer.WriteString(LetterTypeName, TypeNames[p.Type]);
        writer.WriteString(StatusName, StatusNames[status]);
        SimulatorJson.WriteTimestamp(writer, RequestedAtName, version.Events[0].At);
        SimulatorJson.WriteTimestamp(writer, CompletedAtName, completed);
    }

    /// <summary>The WIB date and time of an instant, at whole seconds.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset t) => SimulatorJson.Truncate(t);

    /// <summary>
    /// The instant <paramref name="hours"/> working hours (08:00–16:00 WIB, Monday–Friday, as
    /// <see cref="WorkingCalendar"/>) after <paramref name="start"/>; work on a request made out of hours starts at
    /// the next opening.
    /// </summary>
    public static DateTimeOffset AddWorkingHours(DateTimeOffset start, double hours)
    {
        var local = start.ToOffset(Wib);
        var day = DateOnly.FromDateTime(local.DateTime);
        var left = TimeSpan.FromHours(Math.Max(hours, 0));
        for (var guard = 0; guard < 3660; guard++, day = day.AddDays(1))
        {
            if (!WorkingCalendar.WeekendsOnly.IsWorkingDay(day))
            {
                continue;
            }
            var open = new DateTimeOffset(day.ToDateTime(new TimeOnly(8, 0)), Wib);
            var close = new DateTimeOffset(day.ToDateTime(new TimeOnly(16, 0)), Wib);
            var from = local > open ? local : open;
            if (from >= close)
            {
                continue;
            }
            if (from + left <= close)
            {
                return from + left;
            }
            left -= close - from;
        }
        throw new InvalidOperationException("Working hours beyond ten years.");
    }

    private static double[] Normalise(double[] weights)
    {
        var sum = weights.Sum();
        return [.. weights.Select(w => w / sum)];
    }
}
