using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Sources.Admissions;
using Dashboard.Simulators.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Dashboard.Simulators.Admissions;

/// <summary>
/// Simulates the SPMB portal (docs/SOURCES.md §5): serves <c>GET {BasePath}/v1/schools</c> and <c>/v1/applications</c> and
/// the control endpoints, both feeds behind one key and one set of fault switches. Schools publish their quotas each
/// year on 20 May; applications follow the registration windows (<see cref="AdmissionsCalendar"/>) with their whole
/// lifecycle. A history of <see cref="SimulatorOptions.HistoryDays"/> holds the seasons whose registration opens in it
/// and the transfers that follow them (a short history, the current year's transfers only); the same seed, cohort and
/// start time give the same data.
/// </summary>
public sealed class AdmissionsSimulator : ILiveSimulator
{
    public const string SchoolsPath = "/v1/schools";
    public const string ApplicationsPath = "/v1/applications";

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly AdmissionsCity _city;
    private readonly AdmissionsApplicationsSimulator _applications;
    private readonly SimulatorStore<SchoolVersion> _schools;
    private readonly SimulatorFeed<SchoolVersion> _schoolFeed;
    private readonly int[] _publishedYear;

    /// <exception cref="ArgumentException"><paramref name="apiKey"/> is empty: the simulator never serves without a key.</exception>
    public AdmissionsSimulator(TimeProvider time, SimulatorOptions options, AdmissionsSimulatorOptions admissions, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(admissions);
        _time = time;
        _city = new AdmissionsCity(options.Seed, admissions.CohortSize);

        var now = time.GetUtcNow();
        // Transfers belong to a season's leftover seats: none before the first season whose registration opens inside
        // the history, unless the history is too short to hold one (then the current year's trickle still moves).
        var start = now - TimeSpan.FromDays(options.HistoryDays);
        var startYear = start.ToOffset(SimulatorJson.WibOffset).Year;
        var firstSeason = Math.Min(AdmissionsCalendar.CurrentYear(now),
            start <= AdmissionsCalendar.WindowOpens(startYear, 0) ? startYear : startYear + 1);
        _applications = new AdmissionsApplicationsSimulator(time, options, apiKey, _city, firstSeason);

        _schools = new SimulatorStore<SchoolVersion>(Faults);
        _schoolFeed = new SimulatorFeed<SchoolVersion>(_schools, Faults, time, apiKey, AdmissionsSimulatorData.WriteSchool,
            AdmissionsSimulatorData.UnknownSchoolValues, Advance);
        _publishedYear = new int[_city.Schools.Count];
        var published = new List<SimulatorRecord<SchoolVersion>>(_city.Schools.Count);
        foreach (var s in _city.Schools)
        {
            var year = AdmissionsCity.PublishedYear(now);
            if (AdmissionsCity.PublishedAt(s, year) > now)
            {
                year--;
            }
            _publishedYear[s.Index] = year;
            published.Add(new SimulatorRecord<SchoolVersion>(s.Npsn, new SchoolVersion(s, year, _city.Quota(s, year)), AdmissionsCity.PublishedAt(s, year), false));
        }
        _schools.Load(published);
    }

    public string Source => AdmissionsIndicators.Source;

    public string BasePath => AdmissionsExtensions.SimulatorBasePath;

    /// <summary>The fault switches of both feeds.</summary>
    public SimulatorFaults Faults => _applications.Faults;

    /// <summary>Schools and applications served, tombstones included.</summary>
    public int Count => _schools.Count + _applications.Count;

    /// <summary>Schools in the portal.</summary>
    public int SchoolCount => _city.Schools.Count;

    /// <summary>Source ids (NPSN, application ids) of a resource's live records (a copy).</summary>
    public IReadOnlyCollection<string> LiveIds(string resource) => resource switch
    {
        AdmissionsPayload.Schools => _schools.Ids(deleted: false),
        AdmissionsPayload.Applications => _applications.LiveIds,
        _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, "Unknown admissions resource."),
    };

    /// <summary>Source ids of a resource's tombstones (a copy).</summary>
    public IReadOnlyCollection<string> TombstoneIds(string resource) => resource switch
    {
        AdmissionsPayload.Schools => _schools.Ids(deleted: true),
        AdmissionsPayload.Applications => _applications.TombstoneIds,
        _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, "Unknown admissions resource."),
    };

    public void MapEndpoints(IEndpointRouteBuilder routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        routes.MapGet(BasePath + SchoolsPath, _schoolFeed.HandleAsync);
        // Applications and the control endpoints (faults shared with the schools feed; generate adds applications).
        _applications.MapEndpoints(routes);
    }

    /// <summary>Applies everything due by now: quotas published for a new year, then applications and their steps.</summary>
    public void Advance()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            foreach (var s in _city.Schools)
            {
                var next = _publishedYear[s.Index] + 1;
                var at = AdmissionsCity.PublishedAt(s, next);
                if (at <= now)
                {
                    _publishedYear[s.Index] = next;
                    _schools.Upsert(s.Npsn, new SchoolVersion(s, next, _city.Quota(s, next)), at);
                }
            }
        }
        _applications.Advance();
    }

    /// <summary>Adds <paramref name="count"/> applications registered now (in a window, on its route; otherwise transfers).</summary>
    public IReadOnlyList<string> Generate(int count)
    {
        Advance();
        return _applications.Generate(count);
    }

    /// <summary>Serves a record again as of now: a school unchanged; an application's next step (or unchanged when done).</summary>
    /// <returns>False for an unknown id or a tombstone.</returns>
    public bool Touch(string resource, string id)
    {
        Advance();
        if (resource == AdmissionsPayload.Applications)
        {
            return _applications.Touch(id);
        }
        lock (_gate)
        {
            if (resource != AdmissionsPayload.Schools || !_schools.TryGet(id, out var record) || record.Deleted)
            {
                return false;
            }
            _schools.Upsert(id, record.Value, _time.GetUtcNow());
            return true;
        }
    }

    /// <summary>Withdraws a record now: from then on it is served as a tombstone.</summary>
    public bool Withdraw(string resource, string id)
    {
        Advance();
        if (resource == AdmissionsPayload.Applications)
        {
            return _applications.Withdraw(id);
        }
        lock (_gate)
        {
            return resource == AdmissionsPayload.Schools && _schools.Delete(id, _time.GetUtcNow());
        }
    }
}
