using System.Globalization;
using Dashboard.Ingest.Shared;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Admissions;
using Dashboard.Simulators.Shared;
using static Dashboard.Simulators.Admissions.AdmissionsCalendar;

namespace Dashboard.Simulators.Admissions;

/// <summary>
/// The applications of the simulated SPMB portal (<c>/v1/applications</c>): arrivals follow the registration windows
/// of <see cref="AdmissionsCalendar"/>, and each is drawn with its whole lifecycle (verification of its documents,
/// the announcement, re-registration or withdrawal). Seats are allocated in arrival order as the plans are drawn:
/// per school and route no more children are accepted than the quota, with each choice passed only with a chance
/// (the ranking), so popular schools fill and turn children away while others keep leftover seats. Children not
/// accepted on an earlier route may try again on a later one with the same NIK. Seats given up (a withdrawal, or no
/// re-registration: struck off as mengundurkan_diri when it closes) serve later windows and the transfers that trickle in between seasons.
/// </summary>
internal sealed class AdmissionsApplicationsSimulator : LifecycleSimulator<ApplicationPlan, ApplicationEvent, ApplicationVersion>
{
    private static readonly double[] PassChance = [0.85, 0.7, 0.6];

    private readonly AdmissionsCity _city;
    private readonly int _firstSeason;
    private readonly double _cohort;
    private readonly double[] _windowTotals;
    private readonly double _openShareFirstDay;
    private readonly Dictionary<(int Year, short School, byte Route), int> _remaining = [];
    private readonly Dictionary<(int Year, short School), int[]> _returned = [];
    private readonly Dictionary<(int Year, byte Level, int Window), List<SimApplicant>> _failed = [];
    private readonly Dictionary<(int Year, byte Level), int> _sequence = [];
    private readonly HashSet<string> _niks = new(StringComparer.Ordinal);
    private long _created;
    private long _cachedHour = long.MinValue;
    private double _cachedRate;

    /// <param name="firstSeason">The earliest admission year in the history; no transfers are drawn before it.</param>
    public AdmissionsApplicationsSimulator(TimeProvider time, SimulatorOptions options, string apiKey, AdmissionsCity city, int firstSeason)
        : base(time, options, apiKey, AdmissionsIndicators.Source, AdmissionsExtensions.SimulatorBasePath, AdmissionsSimulator.ApplicationsPath,
            (-311, -312), (w, v) => AdmissionsSimulatorData.WriteApplication(w, v, city.Schools, options),
            AdmissionsSimulatorData.UnknownApplicationValues)
    {
        _city = city;
        _firstSeason = firstSeason;
        _cohort = city.CohortSize;
        _windowTotals =
        [
            _cohort * ((SdApplyShare * (SdAfirmasi + SdMutasi)) + (SmpApplyShare * (SmpAfirmasi + SmpMutasi))),
            _cohort * ((SdApplyShare * (1 - SdAfirmasi - SdMutasi)) + (SmpApplyShare * (1 - SmpAfirmasi - SmpMutasi - SmpPrestasi))) / (1 - RetryShare[1]),
            _cohort * SmpApplyShare * SmpPrestasi / (1 - RetryShare[2]),
        ];
        _openShareFirstDay = HourShare.Skip(8).Sum();
        MaxHourlyRate = _windowTotals.Max() * DayShare[0] * HourShare.Max() / _openShareFirstDay * 1.01;
        Start();
    }

    protected override double MaxHourlyRate { get; }

    /// <summary>Demo activity registers children only while a window is open; transfers between seasons keep their own trickle.</summary>
    protected override bool DemoArrivals(DateTimeOffset at) => WindowAt(at, out _, out _, out _) >= 0;

    /// <summary>Registrations an hour: the windows' profile, or the transfers' working-hours trickle between seasons.</summary>
    protected override double HourlyRate(DateTimeOffset at)
    {
        var hour = at.UtcTicks / TimeSpan.TicksPerHour;
        if (hour != _cachedHour)
        {
            _cachedHour = hour;
            _cachedRate = Rate(at);
        }
        return _cachedRate;
    }

    private double Rate(DateTimeOffset at)
    {
        var window = WindowAt(at, out _, out var day, out var hour);
        if (window >= 0)
        {
            return _windowTotals[window] * DayShare[day] * HourShare[hour] / (day == 0 ? _openShareFirstDay : 1);
        }
        var local = at.ToOffset(WibOffset);
        if (InSeason(at) || CurrentYear(at) < _firstSeason || !WorkingCalendar.WeekendsOnly.IsWorkingDay(DateOnly.FromDateTime(local.DateTime)) ||
            local.Hour is < 8 or >= 16)
        {
            return 0;
        }
        return TrickleWorkingDayRate * _cohort / 13_000 / 8;
    }

    protected override ApplicationPlan CreatePlan(DateTimeOffset at)
    {
        var r = SimulatorRandom.For(Options.Seed, 1_000_000_000L + ++_created);
        var t0 = SimulatorJson.Truncate(at);
        var window = WindowAt(at, out var windowYear, out _, out _);
        var year = window >= 0 ? windowYear : CurrentYear(at);
        byte level;
        byte route;
        switch (window)
        {
            case 0:
                level = r.Chance(SdApplyShare * (SdAfirmasi + SdMutasi) / (_windowTotals[0] / _cohort)) ? (byte)0 : (byte)1;
                route = r.Chance(level == 0 ? SdMutasi / (SdAfirmasi + SdMutasi) : SmpMutasi / (SmpAfirmasi + SmpMutasi)) ? RouteMutasi : RouteAfirmasi;
                break;
            case 1:
                var sd = SdApplyShare * (1 - SdAfirmasi - SdMutasi);
                level = r.Chance(sd / (sd + (SmpApplyShare * (1 - SmpAfirmasi - SmpMutasi - SmpPrestasi)))) ? (byte)0 : (byte)1;
                route = RouteDomisili;
                break;
            case 2:
                level = 1;
                route = RoutePrestasi;
                break;
            default:
                level = r.Chance(0.5) ? (byte)0 : (byte)1;
                route = RouteMutasi;
                break;
        }

        var applicant = (window > 0 && r.Chance(RetryShare[window]) ? TakeRetry(year, level, window, r) : null) ?? NewApplicant(level, year, r);
        var choices = Choose(level, route, applicant.Home, window < 0, r);
        var sequence = _sequence.GetValueOrDefault((year, level)) + 1;
        _sequence[(year, level)] = sequence;
        var id = string.Create(CultureInfo.InvariantCulture, $"SPMB-{year}-{AdmissionsSimulatorData.LevelNames[level]}-{sequence:D6}");

        var events = new List<ApplicationEvent>(5) { new(t0.UtcTicks, ApplicationEventKind.Submitted) };
        var decision = window >= 0
            ? Announcement(year, window) + TimeSpan.FromSeconds(r.Next(1800))
            : t0 + TimeSpan.FromHours(r.Uniform(20, 50));
        var reRegistrationCloses = window >= 0 ? ReRegistrationCloses(year, window) : decision + TimeSpan.FromHours(r.Uniform(24, 72));
        decision = SimulatorJson.Truncate(decision);

        ApplicationPlan Plan(short placed = -1) => new()
        {
            Id = id, Year = year, Level = level, Route = route, Choices = choices, Applicant = applicant, Placed = placed, Events = [.. events],
        };

        if (r.Chance(0.002))
        {
            // A double registration the operator removes the same day.
            events.Add(new(At(t0 + TimeSpan.FromHours(r.Uniform(0.5, 6))), ApplicationEventKind.Deleted));
            return Plan();
        }
        var verifiedAt = t0 + TimeSpan.FromHours(Math.Clamp(r.LogNormal(4, 0.9), 0.1, 100));
        var verified = !r.Chance(0.025) && verifiedAt < decision - TimeSpan.FromMinutes(30);
        if (verified)
        {
            events.Add(new(At(verifiedAt), ApplicationEventKind.Verified));
        }
        if (r.Chance(0.012))
        {
            var after = verified ? verifiedAt : t0;
            var withdrawn = after + TimeSpan.FromHours(r.Uniform(0.2, 0.9) * (decision - after).TotalHours);
            events.Add(new(At(withdrawn), ApplicationEventKind.Withdrawn));
            return Plan();
        }
        var placed = verified ? Allocate(year, route, window, choices, r) : (short)-1;
        if (placed < 0)
        {
            events.Add(new(decision.UtcTicks, ApplicationEventKind.NotAccepted));
            if (window is 0 or 1)
            {
                Pool(year, level, window).Add(applicant);
            }
            return Plan();
        }
        events.Add(new(decision.UtcTicks, ApplicationEventKind.Accepted));
        var u = r.NextDouble();
        var answered = decision + TimeSpan.FromHours(r.Uniform(0.2, 0.98) * (reRegistrationCloses - decision).TotalHours);
        if (u < 0.93)
        {
            events.Add(new(At(answered), ApplicationEventKind.ReRegistered));
        }
        else
        {
            // Withdrawn, or struck off when re-registration closes without them: the seat goes back to the leftover
            // seats of later windows and transfers.
            var gone = u < 0.96 ? answered : reRegistrationCloses + TimeSpan.FromMinutes(r.Uniform(5, 90));
            events.Add(new(At(gone), ApplicationEventKind.Withdrawn));
            Returned(year, placed)[window < 0 ? 3 : window]++;
        }
        return Plan(placed);
    }

    protected override ApplicationVersion CreateVersion(ApplicationPlan plan, int applied) => new(plan, plan.Events, applied);

    protected override IReadOnlyList<ApplicationEvent> Resume(ApplicationVersion version, DateTimeOffset now)
    {
        var kind = AdmissionsSimulatorData.StatusOf(version) switch
        {
            0 => ApplicationEventKind.Verified,
            2 => ApplicationEventKind.ReRegistered,
            _ => ApplicationEventKind.Resent,
        };
        return [new ApplicationEvent(SimulatorJson.Truncate(now).UtcTicks, kind)];
    }

    protected override ApplicationEvent Withdrawal(long utcTicks) => new(utcTicks, ApplicationEventKind.Deleted);

    private static long At(DateTimeOffset t) => SimulatorJson.Truncate(t).UtcTicks;

    /// <summary>Children not accepted in <paramref name="window"/> (decided when their plans were drawn).</summary>
    private List<SimApplicant> Pool(int year, byte level, int window)
    {
        if (!_failed.TryGetValue((year, level, window), out var pool))
        {
            _failed[(year, level, window)] = pool = [];
        }
        return pool;
    }

    /// <summary>A child turned away in an earlier window (announced before this one opens), or null.</summary>
    private SimApplicant? TakeRetry(int year, byte level, int window, SimulatorRandom r)
    {
        for (var earlier = window - 1; earlier >= 0; earlier--)
        {
            var pool = Pool(year, level, earlier);
            if (pool.Count > 0)
            {
                var i = r.Next(pool.Count);
                var applicant = pool[i];
                pool[i] = pool[^1];
                pool.RemoveAt(pool.Count - 1);
                return applicant;
            }
        }
        return null;
    }

    private int[] Returned(int year, short school)
    {
        if (!_returned.TryGetValue((year, school), out var returned))
        {
            _returned[(year, school)] = returned = new int[4];
        }
        return returned;
    }

    /// <summary>The first choice that ranks the child and still has a seat on the route, or -1.</summary>
    private short Allocate(int year, byte route, int window, short[] choices, SimulatorRandom r)
    {
        for (var k = 0; k < choices.Length; k++)
        {
            if (r.Chance(PassChance[Math.Min(k, PassChance.Length - 1)]) && TakeSeat(year, choices[k], route, window))
            {
                return choices[k];
            }
        }
        return -1;
    }

    private bool TakeSeat(int year, short school, byte route, int window)
    {
        if (window >= 0)
        {
            var key = (year, school, route);
            if (!_remaining.TryGetValue(key, out var left))
            {
                left = _city.Quota(_city.Schools[school], year)[route];
            }
            if (left > 0)
            {
                _remaining[key] = left - 1;
                return true;
            }
            var returned = Returned(year, school);
            for (var w = 0; w < window; w++)
            {
                if (returned[w] > 0)
                {
                    returned[w]--;
                    return true;
                }
            }
            return false;
        }
        // A transfer takes any leftover seat of the school (pengisian sisa pagu).
        var quota = _city.Quota(_city.Schools[school], year);
        for (byte q = 0; q < quota.Length; q++)
        {
            var key = (year, school, q);
            var left = _remaining.TryGetValue(key, out var l) ? l : quota[q];
            if (left > 0)
            {
                _remaining[key] = left - 1;
                return true;
            }
        }
        var back = Returned(year, school);
        for (var w = 0; w < back.Length; w++)
        {
            if (back[w] > 0)
            {
                back[w]--;
                return true;
            }
        }
        return false;
    }

    private short[] Choose(byte level, byte route, short home, bool transfer, SimulatorRandom r)
    {
        var count = transfer ? 1 + r.Next(2) : level == 0 ? 1 + (r.Chance(0.5) ? 1 : 0) : 1 + r.Next(3);
        var kecamatan = AdmissionsCity.KelurahanCodes[home][..8];
        _city.KecamatanChoice.TryGetValue((level, kecamatan), out var nearby);
        var here = _city.KelurahanChoice[level, home];
        var city = _city.CityChoice[level];
        var choices = new List<short>(count);
        for (var attempt = 0; choices.Count < count && attempt < 12; attempt++)
        {
            WeightedChoice<short> from;
            if (route == RoutePrestasi || transfer)
            {
                from = city;
            }
            else if (choices.Count == 0 && here is not null && r.Chance(0.65))
            {
                from = here;
            }
            else
            {
                from = nearby is not null && r.Chance(0.75) ? nearby : city;
            }
            var pick = from.Pick(r);
            if (!choices.Contains(pick))
            {
                choices.Add(pick);
            }
        }
        return [.. choices];
    }

    private SimApplicant NewApplicant(byte level, int year, SimulatorRandom r)
    {
        var home = _city.Homes.Pick(r);
        var female = r.Chance(0.49);
        var birth = level == 0
            ? new DateOnly(year - 7, 7, 1).AddDays(r.Next(-120, 365))
            : new DateOnly(year - 13, 7, 1).AddDays(r.Next(-150, 365));
        var kecamatan = AdmissionsCity.KelurahanCodes[home][7];
        var sequence = 1 + r.Next(9998);
        string nik;
        do
        {
            nik = string.Create(CultureInfo.InvariantCulture,
                $"35730{kecamatan}{birth.Day + (female ? 40 : 0):D2}{birth.Month:D2}{birth.Year % 100:D2}{sequence:D4}");
            sequence = (sequence % 9999) + 1;
        }
        while (!_niks.Add(nik));
        return new SimApplicant
        {
            Nik = nik,
            FirstName = (short)r.Next(AdmissionsSimulatorData.FirstNames.Length),
            LastName = r.Chance(0.15) ? (short)-1 : (short)r.Next(AdmissionsSimulatorData.LastNames.Length),
            BirthDate = birth,
            Home = home,
        };
    }
}
