using System.Globalization;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.SocialAid;
using Dashboard.Simulators.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using static Dashboard.Simulators.SocialAid.SocialAidSimulatorData;

namespace Dashboard.Simulators.SocialAid;

/// <summary>
/// Simulates the Dinsos / DTSEN system (docs/SOURCES.md §4): serves <c>GET {BasePath}/v1/families</c> and
/// <c>/v1/disbursements</c> and the control endpoints. The registry holds <see cref="SocialAidSimulatorOptions.Families"/>
/// families at the start of <see cref="SimulatorOptions.HistoryDays"/>; as time passes each programme's payment
/// window opens (the tahap's payments are scheduled three days before, then paid or failed over three weeks, some
/// failures paid on a retry), the quarterly DTSEN update sends a tenth of the families and the new registrations to
/// verval (found eligible, ineligible and deactivated, or duplicates withdrawn), and PKH families graduate at the
/// city's pace (<see cref="SocialAidSimulatorData"/>). The history is built on first use, as of construction time,
/// so a host that never reads this source does not pay for it; the same seed and start time always give the same data.
/// </summary>
internal sealed class SocialAidSimulator : ScheduledSimulator<AidEvent>
{
    public const string FamiliesPath = "/v1/families";
    public const string DisbursementsPath = "/v1/disbursements";

    /// <summary>Windows that opened this long before the history starts are still built, so that its first days have a tahap.</summary>
    private static readonly TimeSpan Lead = TimeSpan.FromDays(45);

    private readonly SocialAidSimulatorOptions _aid;
    private readonly DateTimeOffset _anchor;
    private readonly SimulatorStore<FamilyVersion> _familyStore;
    private readonly SimulatorStore<DisbursementVersion> _disbursementStore;
    private readonly SimulatorFeed<FamilyVersion> _familyFeed;
    private readonly SimulatorFeed<DisbursementVersion> _disbursementFeed;
    private readonly List<SimFamily> _families = [];
    private readonly List<SimDisbursement> _disbursements = [];
    private readonly Dictionary<string, SimFamily> _byRegistryId = new(StringComparer.Ordinal);
    private readonly int[] _sequenceByKelurahan = new int[KelurahanCodes.Length];
    private readonly Dictionary<string, int> _sequenceByStage = new(StringComparer.Ordinal);
    private readonly SimulatorRandom _graduations;
    private readonly SimulatorRandom _registrations;
    private Dictionary<string, SimulatorRecord<FamilyVersion>>? _bulkFamilies;
    private Dictionary<string, SimulatorRecord<DisbursementVersion>>? _bulkDisbursements;
    private DateTimeOffset _floor;

    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is empty: the simulator never serves without a key.</exception>
    public SocialAidSimulator(TimeProvider time, SimulatorOptions options, SocialAidSimulatorOptions aid, string apiKey)
        : base(time, options, apiKey, SocialAidIndicators.Source, SocialAidExtensions.SimulatorBasePath, -31)
    {
        ArgumentNullException.ThrowIfNull(aid);
        _aid = aid;
        _anchor = time.GetUtcNow();
        _graduations = SimulatorRandom.For(options.Seed, -32);
        _registrations = SimulatorRandom.For(options.Seed, -33);
        _familyStore = Serve(SocialAidPayload.Families, new SimulatorStore<FamilyVersion>(Faults));
        _disbursementStore = Serve(SocialAidPayload.Disbursements, new SimulatorStore<DisbursementVersion>(Faults));
        _familyFeed = new SimulatorFeed<FamilyVersion>(_familyStore, Faults, time, apiKey,
            (w, v) => WriteFamily(w, v, options), UnknownFamilyValues, Refresh);
        _disbursementFeed = new SimulatorFeed<DisbursementVersion>(_disbursementStore, Faults, time, apiKey,
            WriteDisbursement, UnknownDisbursementValues, Refresh);
    }

    /// <summary>Source ids (registry ids for families) of a resource's live records (a copy).</summary>
    public IReadOnlyCollection<string> LiveIds(string resource) => RecordIds(resource, deleted: false);

    /// <summary>Source ids of a resource's tombstones (a copy).</summary>
    public IReadOnlyCollection<string> TombstoneIds(string resource) => RecordIds(resource, deleted: true);

    /// <summary>Serves a record again as of now, unchanged (a source re-sending a corrected item).</summary>
    /// <returns>False for an unknown resource or id, or a tombstone.</returns>
    public bool Touch(string resource, string id) => TouchRecord(resource, id);

    /// <summary>Withdraws a record now: from then on it is served as a tombstone.</summary>
    public bool Withdraw(string resource, string id) => WithdrawRecord(resource, id);

    /// <summary>A withdrawn family leaves the registry's plans too; an unknown family is refused.</summary>
    protected override bool Withdrawing(string resource, string id)
    {
        if (resource != SocialAidPayload.Families)
        {
            return true;
        }
        if (!_byRegistryId.TryGetValue(id, out var family))
        {
            return false;
        }
        family.Withdrawn = true;
        return true;
    }

    protected override void MapResources(IEndpointRouteBuilder routes)
    {
        routes.MapGet(BasePath + FamiliesPath, _familyFeed.HandleAsync);
        routes.MapGet(BasePath + DisbursementsPath, _disbursementFeed.HandleAsync);
    }

    /// <summary>Registers <paramref name="count"/> new families now (awaiting verval) and returns their registry ids.</summary>
    public override IReadOnlyList<string> Generate(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (Gate)
        {
            Refresh();
            var now = Time.GetUtcNow().UtcTicks;
            var ids = new List<string>(count);
            for (var i = 0; i < count; i++)
            {
                ids.Add(Register(now - (now % TimeSpan.TicksPerSecond), _registrations).RegistryId);
            }
            return ids;
        }
    }

    // ---- History ---------------------------------------------------------------------------------------------

    protected override void BuildHistory()
    {
        var start = _anchor - TimeSpan.FromDays(Options.HistoryDays);
        _floor = start - Lead;
        _bulkFamilies = new Dictionary<string, SimulatorRecord<FamilyVersion>>(StringComparer.Ordinal);
        _bulkDisbursements = new Dictionary<string, SimulatorRecord<DisbursementVersion>>(StringComparer.Ordinal);
        CreateRegister(_floor);

        var floorDay = DateOf(_floor);
        Enqueue(new AidEvent(AidEventKind.YearPlan, -1, 0, floorDay.Year, 0), _floor.UtcTicks);
        Enqueue(new AidEvent(AidEventKind.Graduate, -1, 0, 0, 0), NextGraduation(_floor.UtcTicks));

        Run(_anchor.UtcTicks);

        _familyStore.Load(_bulkFamilies.Values);
        _disbursementStore.Load(_bulkDisbursements.Values);
        _bulkFamilies = null;
        _bulkDisbursements = null;
        StartDemo(_anchor);
    }

    private void CreateRegister(DateTimeOffset floor)
    {
        var r = SimulatorRandom.For(Options.Seed, -30);
        for (var i = 0; i < _aid.Families; i++)
        {
            var kelurahan = Kelurahan.Pick(r);
            var f = NewFamily(kelurahan);
            var fr = SimulatorRandom.For(Options.Seed, 7_000_000_000L + f.Index);
            var u = fr.NextDouble();
            if (u < 0.008)
            {
                f.Status = Graduasi;
                f.Desil = (byte)Math.Min(10, f.Desil + 1);
            }
            else if (u < 0.033)
            {
                f.Status = Nonaktif;
                f.Verval = TidakLayak;
            }
            else
            {
                f.Programs = PickPrograms(f.Desil, fr);
            }
            Put(f, Seconds(floor - TimeSpan.FromDays(fr.Uniform(1, 400))));
        }
    }

    private SimFamily NewFamily(short kelurahan)
    {
        var index = _families.Count;
        var r = SimulatorRandom.For(Options.Seed, 8_000_000_000L + index);
        var code = KelurahanCodes[kelurahan];
        var sequence = ++_sequenceByKelurahan[kelurahan];
        var registryId = string.Create(CultureInfo.InvariantCulture, $"DTSEN-{code.Replace(".", "", StringComparison.Ordinal)}-{sequence:D5}");
        var female = r.Chance(0.3);
        var birth = new DateOnly(1945, 1, 1).AddDays(r.Next(365 * 58));
        var nik = string.Create(CultureInfo.InvariantCulture,
            $"3573{code.AsSpan(6, 2)}{birth.Day + (female ? 40 : 0):D2}{birth.Month:D2}{birth.Year % 100:D2}{1 + r.Next(9998):D4}");
        var f = new SimFamily
        {
            Index = index,
            RegistryId = registryId,
            HeadNik = nik,
            FirstName = (short)r.Next(FirstNames.Length),
            LastName = r.Chance(0.35) ? (short)-1 : (short)r.Next(LastNames.Length),
            Kelurahan = kelurahan,
            PkhAmount = PickPkhAmount(r),
            Desil = PickDesil(kelurahan, r),
            Verval = Layak,
        };
        _families.Add(f);
        _byRegistryId.Add(registryId, f);
        return f;
    }

    /// <summary>A new registration: active, no programme yet, verval pending (checked within weeks).</summary>
    private SimFamily Register(long ticks, SimulatorRandom r)
    {
        var f = NewFamily(Kelurahan.Pick(r));
        f.Verval = Belum;
        // New registrations come from the poorer end.
        f.Desil = (byte)Math.Max(1, f.Desil - 2);
        Put(f, ticks);
        Enqueue(new AidEvent(AidEventKind.Verify, f.Index, 0, 0, 0), OfficeTime(DateOf(new DateTimeOffset(ticks, TimeSpan.Zero)), 1 + r.Exponential(8), r));
        return f;
    }

    // ---- Time ------------------------------------------------------------------------------------------------

    protected override void Apply(AidEvent e, long ticks)
    {
        switch (e.Kind)
        {
            case AidEventKind.YearPlan:
                PlanYear(e.Year);
                break;
            case AidEventKind.WindowOpen:
                OpenWindow(e.Program, e.Year, e.Quarter, ticks);
                break;
            case AidEventKind.Paid:
            case AidEventKind.Failed:
            case AidEventKind.Retry:
                Settle(_disbursements[e.Target], e.Kind, ticks);
                break;
            case AidEventKind.DtsenUpdate:
                UpdateRegistry(e.Year, e.Quarter, ticks);
                break;
            case AidEventKind.Verify:
                Verify(_families[e.Target], ticks);
                break;
            case AidEventKind.Graduate:
                Graduate(ticks);
                Enqueue(e, NextGraduation(ticks));
                break;
            default:
                break;
        }
    }

    /// <summary>A year's payment windows and DTSEN updates (those after the floor of the history), then the next year's plan.</summary>
    private void PlanYear(int year)
    {
        for (var quarter = 1; quarter <= 4; quarter++)
        {
            for (var program = 0; program < ProgramNames.Length; program++)
            {
                if (WindowOpens(program, year, quarter) is { } opens)
                {
                    var scheduled = At(opens.AddDays(-3), 9);
                    if (scheduled >= _floor)
                    {
                        Enqueue(new AidEvent(AidEventKind.WindowOpen, -1, program, year, quarter), Seconds(scheduled));
                    }
                }
            }
            var update = At(new DateOnly(year, (3 * quarter) - 2, 11), 9);
            if (update >= _floor)
            {
                Enqueue(new AidEvent(AidEventKind.DtsenUpdate, -1, 0, year, quarter), Seconds(update));
            }
        }
        Enqueue(new AidEvent(AidEventKind.YearPlan, -1, 0, year + 1, 0), LocalMidnight(new DateOnly(year + 1, 1, 1)).UtcTicks);
    }

    /// <summary>Schedules the tahap's payment to every active family in the programme and plans how it ends.</summary>
    private void OpenWindow(int program, int year, int quarter, long ticks)
    {
        var stage = StageText(year, quarter);
        var opens = WindowOpens(program, year, quarter)!.Value;
        var key = stage + "-" + ProgramNames[program];
        foreach (var f in _families)
        {
            if (f.Withdrawn || f.Status != Aktif || !f.Has(program))
            {
                continue;
            }
            var sequence = _sequenceByStage[key] = _sequenceByStage.GetValueOrDefault(key) + 1;
            var index = _disbursements.Count;
            var d = new SimDisbursement
            {
                Index = index,
                Id = string.Create(CultureInfo.InvariantCulture, $"BNS-{key}-{sequence:D6}"),
                Family = f,
                Program = (byte)program,
                Stage = stage,
                Amount = AmountOf(program, f),
            };
            _disbursements.Add(d);
            Put(d, ticks);
            var r = SimulatorRandom.For(Options.Seed, 9_000_000_000_000L + index);
            // Front-loaded: most payments in the first week of the window.
            var at = OfficeTime(opens, WindowDays * Math.Pow(r.NextDouble(), 1.7), r);
            Enqueue(new AidEvent(r.Chance(FailShare) ? AidEventKind.Failed : AidEventKind.Paid, index, 0, 0, 0), at);
        }
    }

    private void Settle(SimDisbursement d, AidEventKind kind, long ticks)
    {
        if (d.Status == Tersalur)
        {
            return;
        }
        if (kind == AidEventKind.Failed)
        {
            var r = SimulatorRandom.For(Options.Seed, 10_000_000_000_000L + d.Index);
            d.Status = Gagal;
            d.Reason = FailureReasonChoice.Pick(r);
            Put(d, ticks);
            if (r.Chance(RetryShare))
            {
                Enqueue(new AidEvent(AidEventKind.Retry, d.Index, 0, 0, 0), OfficeTime(DateOf(new DateTimeOffset(ticks, TimeSpan.Zero)), 7 + r.Next(14), r));
            }
            return;
        }
        d.Status = Tersalur;
        d.Reason = -1;
        d.DisbursedTicks = ticks;
        Put(d, ticks);
    }

    /// <summary>
    /// The quarterly DTSEN update, published as one batch: a tenth of the families and the new registrations go to
    /// verval (every record of the batch carries the update's time, never a later one).
    /// </summary>
    private void UpdateRegistry(int year, int quarter, long ticks)
    {
        var period = (year * 10) + quarter;
        var day = DateOf(new DateTimeOffset(ticks, TimeSpan.Zero));
        var existing = _families.Count;
        for (var i = 0; i < existing; i++)
        {
            var f = _families[i];
            if (f.Withdrawn || f.Status != Aktif)
            {
                continue;
            }
            var r = SimulatorRandom.For(Options.Seed, 11_000_000_000_000L + ((long)period * 1_000_000) + i);
            if (!r.Chance(VervalShare))
            {
                continue;
            }
            if (r.Chance(0.3))
            {
                // The proxy-means test moved the family by a desil.
                f.Desil = (byte)Math.Clamp(f.Desil + (r.Chance(0.5) ? 1 : -1), 1, 10);
            }
            f.Verval = Belum;
            Put(f, ticks);
            if (!r.Chance(UnresolvedShare))
            {
                Enqueue(new AidEvent(AidEventKind.Verify, i, 0, 0, 0), OfficeTime(day, 1 + Math.Min(r.Exponential(12), 40), r));
            }
        }
        var registrations = SimulatorRandom.For(Options.Seed, 12_000_000_000_000L + period);
        var count = (int)Math.Round(existing * NewFamiliesShare);
        for (var i = 0; i < count; i++)
        {
            Register(ticks, registrations);
        }
    }

    /// <summary>Field verification: a duplicate is withdrawn, an ineligible family deactivated, a new eligible one enrolled.</summary>
    private void Verify(SimFamily f, long ticks)
    {
        if (f.Withdrawn || f.Status != Aktif || f.Verval != Belum)
        {
            return;
        }
        var r = SimulatorRandom.For(Options.Seed, 13_000_000_000_000L + ((ticks / TimeSpan.TicksPerDay) * 1_000_000) + f.Index);
        if (r.Chance(DuplicateShare))
        {
            f.Withdrawn = true;
            DeleteFamily(f, ticks);
            return;
        }
        if (r.Chance(f.Desil >= 6 ? 0.5 : IneligibleShare))
        {
            f.Verval = TidakLayak;
            f.Status = Nonaktif;
            f.Programs = 0;
        }
        else
        {
            f.Verval = Layak;
            if (f.Programs == 0)
            {
                f.Programs = PickPrograms(f.Desil, r);
            }
        }
        Put(f, ticks);
    }

    /// <summary>A PKH family leaves the programmes as self-reliant; its record does not change again.</summary>
    private void Graduate(long ticks)
    {
        if (_families.Count == 0)
        {
            return;
        }
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var f = _families[_graduations.Next(_families.Count)];
            if (f.Withdrawn || f.Status != Aktif || !f.Has(Pkh) || f.Desil < 2)
            {
                continue;
            }
            f.Status = Graduasi;
            f.Programs = 0;
            f.Verval = Layak;
            f.Desil = (byte)Math.Min(10, f.Desil + 1 + _graduations.Next(2));
            Put(f, ticks);
            return;
        }
    }

    private long NextGraduation(long after)
    {
        var perYear = GraduationsPerYear * _aid.Families / 20_000.0;
        var days = _graduations.Exponential(365.25 / Math.Max(perYear, 1));
        var at = new DateTimeOffset(after, TimeSpan.Zero) + TimeSpan.FromDays(days);
        // In office hours, never before the previous graduation.
        return Math.Max(OfficeTime(DateOf(at), 0, _graduations), after + TimeSpan.TicksPerSecond);
    }

    protected override void DemoEvent(DateTimeOffset at)
    {
        var ticks = Seconds(at);
        if (TryPeek(out var next, out var due) && next.Kind is AidEventKind.Paid or AidEventKind.Failed or AidEventKind.Retry or AidEventKind.Verify &&
            due - ticks < TimeSpan.TicksPerDay * 14)
        {
            // The next payment or verification happens now instead.
            TryDequeue(out _, out _);
            Apply(next, ticks);
            return;
        }
        // Nothing due soon: a field officer re-checks a family, which the next demo event may bring forward.
        for (var attempt = 0; attempt < 50 && _families.Count > 0; attempt++)
        {
            var f = _families[Demo.Next(_families.Count)];
            if (f.Withdrawn || f.Status != Aktif || f.Verval != Layak)
            {
                continue;
            }
            f.Verval = Belum;
            Put(f, ticks);
            Enqueue(new AidEvent(AidEventKind.Verify, f.Index, 0, 0, 0), OfficeTime(DateOf(at), 1 + Demo.Next(3), Demo));
            return;
        }
    }

    // ---- Serving ---------------------------------------------------------------------------------------------

    private void Put(SimFamily f, long ticks)
    {
        var at = new DateTimeOffset(ticks, TimeSpan.Zero);
        if (_bulkFamilies is not null)
        {
            _bulkFamilies[f.RegistryId] = new SimulatorRecord<FamilyVersion>(f.RegistryId, FamilyVersion.Of(f), at, false);
        }
        else
        {
            _familyStore.Upsert(f.RegistryId, FamilyVersion.Of(f), at);
        }
    }

    private void DeleteFamily(SimFamily f, long ticks)
    {
        var at = new DateTimeOffset(ticks, TimeSpan.Zero);
        if (_bulkFamilies is not null)
        {
            _bulkFamilies[f.RegistryId] = new SimulatorRecord<FamilyVersion>(f.RegistryId, FamilyVersion.Of(f), at, true);
        }
        else
        {
            _familyStore.Delete(f.RegistryId, at);
        }
    }

    private void Put(SimDisbursement d, long ticks)
    {
        var at = new DateTimeOffset(ticks, TimeSpan.Zero);
        if (_bulkDisbursements is not null)
        {
            _bulkDisbursements[d.Id] = new SimulatorRecord<DisbursementVersion>(d.Id, DisbursementVersion.Of(d), at, false);
        }
        else
        {
            _disbursementStore.Upsert(d.Id, DisbursementVersion.Of(d), at);
        }
    }

}

internal enum AidEventKind : byte { YearPlan, WindowOpen, Paid, Failed, Retry, DtsenUpdate, Verify, Graduate }

/// <summary>Something the simulator will do at a queued time; <see cref="Target"/> is a family or disbursement index.</summary>
internal readonly record struct AidEvent(AidEventKind Kind, int Target, int Program, int Year, int Quarter);
