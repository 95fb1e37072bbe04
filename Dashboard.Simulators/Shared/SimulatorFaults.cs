namespace Dashboard.Simulators.Shared;

/// <summary>
/// Switches for the faults every source client must survive (docs/SOURCES.md, common rules). Each switch is armed for
/// the next N requests, pages or items and disarms itself as they are served. Thread-safe; set from code (tests
/// resolve the simulator) or through <c>POST {BasePath}/_control/faults</c> (<see cref="SimulatorFaultSettings"/>).
/// </summary>
public sealed class SimulatorFaults
{
    private readonly Lock _lock = new();
    // Fixed seed: which field a malformed item loses is reproducible from run to run.
    private readonly SimulatorRandom _random = new(0x5EED_FA17);
    private int _rateLimitRequests;
    private TimeSpan _retryAfter = TimeSpan.FromSeconds(1);
    private int _serverErrorRequests;
    private int _serverErrorStatus = 503;
    private int _timeoutRequests;
    private TimeSpan _timeout = TimeSpan.FromSeconds(30);
    private int _notJsonRequests;
    private int _malformedItems;
    private int _duplicatePages;
    private int _backwardsItems;
    private int _unknownFieldItems;
    private int _unknownEnumItems;
    private int _hanging;
    private int _aborted;

    /// <summary>The next <paramref name="requests"/> requests get <c>429</c> with <c>Retry-After</c> (whole seconds).</summary>
    public void RateLimit(int requests, TimeSpan retryAfter)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        ArgumentOutOfRangeException.ThrowIfLessThan(retryAfter, TimeSpan.Zero);
        lock (_lock)
        {
            _rateLimitRequests = requests;
            _retryAfter = retryAfter;
        }
    }

    /// <summary>The next <paramref name="requests"/> requests fail with <paramref name="statusCode"/> (500, 502, 503 or 504).</summary>
    public void ServerError(int requests, int statusCode = 503)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        if (statusCode is not (500 or 502 or 503 or 504))
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "Use 500, 502, 503 or 504.");
        }
        lock (_lock)
        {
            _serverErrorRequests = requests;
            _serverErrorStatus = statusCode;
        }
    }

    /// <summary>
    /// The next <paramref name="requests"/> requests hang for <paramref name="hang"/> (on the simulator's
    /// <see cref="TimeProvider"/>) before they are answered; a client that gives up aborts the wait.
    /// </summary>
    public void Timeout(int requests, TimeSpan hang)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(requests);
        ArgumentOutOfRangeException.ThrowIfLessThan(hang, TimeSpan.Zero);
        lock (_lock)
        {
            _timeoutRequests = requests;
            _timeout = hang;
        }
    }

    /// <summary>The next <paramref name="requests"/> requests get <c>200</c> with an HTML page from a "gateway".</summary>
    public void NotJson(int requests) => Set(ref _notJsonRequests, requests);

    /// <summary>The next <paramref name="items"/> items served lose a field or carry one with the wrong JSON type.</summary>
    public void MalformedItems(int items) => Set(ref _malformedItems, items);

    /// <summary>The next <paramref name="pages"/> non-empty pages serve one of their items twice.</summary>
    public void DuplicateItems(int pages) => Set(ref _duplicatePages, pages);

    /// <summary>The next <paramref name="items"/> record changes get an <c>updated_at</c> earlier than their previous version's.</summary>
    public void BackwardsUpdatedAt(int items) => Set(ref _backwardsItems, items);

    /// <summary>The next <paramref name="items"/> items served carry fields the contract does not announce.</summary>
    public void UnknownFields(int items) => Set(ref _unknownFieldItems, items);

    /// <summary>The next <paramref name="items"/> items served carry a value outside the contract in one enum field.</summary>
    public void UnknownEnumValues(int items) => Set(ref _unknownEnumItems, items);

    /// <summary>Disarms every switch.</summary>
    public void Reset()
    {
        lock (_lock)
        {
            _rateLimitRequests = _serverErrorRequests = _timeoutRequests = _notJsonRequests = 0;
            _malformedItems = _duplicatePages = _backwardsItems = _unknownFieldItems = _unknownEnumItems = 0;
        }
    }

    /// <summary>Requests currently held by a <see cref="Timeout"/> fault.</summary>
    public int HangingRequests => Volatile.Read(ref _hanging);

    /// <summary>Hanging requests that ended because the client aborted them.</summary>
    public int AbortedRequests => Volatile.Read(ref _aborted);

    /// <summary>Applies the switches present in <paramref name="settings"/> (after a reset if it asks for one).</summary>
    /// <exception cref="ArgumentException">A value is out of range; nothing is applied.</exception>
    public void Apply(SimulatorFaultSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var error = settings.Validate();
        if (error is not null)
        {
            throw new ArgumentException(error, nameof(settings));
        }
        lock (_lock)
        {
            if (settings.Reset)
            {
                Reset();
            }
            if (settings.RateLimitRequests is { } rl)
            {
                RateLimit(rl, settings.RetryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : _retryAfter);
            }
            else if (settings.RetryAfterSeconds is { } s)
            {
                _retryAfter = TimeSpan.FromSeconds(s);
            }
            if (settings.ServerErrorRequests is { } se)
            {
                ServerError(se, settings.ServerErrorStatus ?? _serverErrorStatus);
            }
            else if (settings.ServerErrorStatus is { } status)
            {
                _serverErrorStatus = status;
            }
            if (settings.TimeoutRequests is { } tr)
            {
                Timeout(tr, settings.TimeoutSeconds is { } ts ? TimeSpan.FromSeconds(ts) : _timeout);
            }
            else if (settings.TimeoutSeconds is { } ts)
            {
                _timeout = TimeSpan.FromSeconds(ts);
            }
            ApplyCount(settings.NotJsonRequests, ref _notJsonRequests);
            ApplyCount(settings.MalformedItems, ref _malformedItems);
            ApplyCount(settings.DuplicatePages, ref _duplicatePages);
            ApplyCount(settings.BackwardsItems, ref _backwardsItems);
            ApplyCount(settings.UnknownFieldItems, ref _unknownFieldItems);
            ApplyCount(settings.UnknownEnumItems, ref _unknownEnumItems);
        }
    }

    /// <summary>What is still armed.</summary>
    public SimulatorFaultSettings Snapshot()
    {
        lock (_lock)
        {
            return new SimulatorFaultSettings
            {
                RateLimitRequests = _rateLimitRequests,
                RetryAfterSeconds = (int)Math.Ceiling(_retryAfter.TotalSeconds),
                ServerErrorRequests = _serverErrorRequests,
                ServerErrorStatus = _serverErrorStatus,
                TimeoutRequests = _timeoutRequests,
                TimeoutSeconds = _timeout.TotalSeconds,
                NotJsonRequests = _notJsonRequests,
                MalformedItems = _malformedItems,
                DuplicatePages = _duplicatePages,
                BackwardsItems = _backwardsItems,
                UnknownFieldItems = _unknownFieldItems,
                UnknownEnumItems = _unknownEnumItems,
            };
        }
    }

    /// <summary>
    /// The fault for this request, if one is armed: a hang comes first (then the request is served), then 429,
    /// then 5xx, then a non-JSON page. One fault per request, so that stacked switches fire on successive requests.
    /// </summary>
    internal RequestFault TakeRequestFault()
    {
        lock (_lock)
        {
            if (_timeoutRequests > 0)
            {
                _timeoutRequests--;
                return new RequestFault(RequestFaultKind.Hang, _timeout, 0);
            }
            if (_rateLimitRequests > 0)
            {
                _rateLimitRequests--;
                return new RequestFault(RequestFaultKind.RateLimit, _retryAfter, 429);
            }
            if (_serverErrorRequests > 0)
            {
                _serverErrorRequests--;
                return new RequestFault(RequestFaultKind.ServerError, TimeSpan.Zero, _serverErrorStatus);
            }
            if (_notJsonRequests > 0)
            {
                _notJsonRequests--;
                return new RequestFault(RequestFaultKind.NotJson, TimeSpan.Zero, 200);
            }
            return default;
        }
    }

    internal bool TakeMalformed() => Take(ref _malformedItems);

    internal bool TakeDuplicatePage() => Take(ref _duplicatePages);

    internal bool TakeUnknownField() => Take(ref _unknownFieldItems);

    internal bool TakeUnknownEnum() => Take(ref _unknownEnumItems);

    /// <summary>Whether the next change goes backwards, and by how much (a minute to six hours).</summary>
    internal bool TakeBackwards(out TimeSpan by)
    {
        lock (_lock)
        {
            by = TimeSpan.Zero;
            if (_backwardsItems <= 0)
            {
                return false;
            }
            _backwardsItems--;
            by = TimeSpan.FromSeconds(_random.Next(60, 6 * 3600));
            return true;
        }
    }

    internal int NextRandom(int maxExclusive)
    {
        lock (_lock)
        {
            return _random.Next(maxExclusive);
        }
    }

    internal void HangStarted() => Interlocked.Increment(ref _hanging);

    internal void HangEnded(bool aborted)
    {
        if (aborted)
        {
            Interlocked.Increment(ref _aborted);
        }
        Interlocked.Decrement(ref _hanging);
    }

    private void Set(ref int field, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_lock)
        {
            field = count;
        }
    }

    private bool Take(ref int field)
    {
        lock (_lock)
        {
            if (field <= 0)
            {
                return false;
            }
            field--;
            return true;
        }
    }

    private static void ApplyCount(int? value, ref int field)
    {
        if (value is { } v)
        {
            field = v;
        }
    }
}

internal enum RequestFaultKind { None = 0, Hang, RateLimit, ServerError, NotJson }

internal readonly record struct RequestFault(RequestFaultKind Kind, TimeSpan Duration, int StatusCode);

/// <summary>
/// Body of <c>POST {BasePath}/_control/faults</c> (snake_case JSON) and its answer. Absent fields leave their switch
/// as it is; <c>reset</c> disarms everything first. Counts are of requests, pages or items as the names say.
/// </summary>
public sealed record SimulatorFaultSettings
{
    public bool Reset { get; init; }
    public int? RateLimitRequests { get; init; }
    public int? RetryAfterSeconds { get; init; }
    public int? ServerErrorRequests { get; init; }
    /// <summary>500, 502, 503 or 504.</summary>
    public int? ServerErrorStatus { get; init; }
    public int? TimeoutRequests { get; init; }
    public double? TimeoutSeconds { get; init; }
    public int? NotJsonRequests { get; init; }
    public int? MalformedItems { get; init; }
    public int? DuplicatePages { get; init; }
    public int? BackwardsItems { get; init; }
    public int? UnknownFieldItems { get; init; }
    public int? UnknownEnumItems { get; init; }

    /// <summary>The first problem with the values, or null.</summary>
    public string? Validate()
    {
        (string Name, double? Value)[] counts =
        [
            ("rate_limit_requests", RateLimitRequests), ("retry_after_seconds", RetryAfterSeconds),
            ("server_error_requests", ServerErrorRequests), ("timeout_requests", TimeoutRequests),
            ("timeout_seconds", TimeoutSeconds), ("not_json_requests", NotJsonRequests),
            ("malformed_items", MalformedItems), ("duplicate_pages", DuplicatePages), ("backwards_items", BackwardsItems),
            ("unknown_field_items", UnknownFieldItems), ("unknown_enum_items", UnknownEnumItems),
        ];
        foreach (var (name, value) in counts)
        {
            if (value is < 0 or > 1_000_000 || (value is { } v && double.IsNaN(v)))
            {
                return $"{name} must be between 0 and 1000000.";
            }
        }
        if (ServerErrorStatus is { } status && status is not (500 or 502 or 503 or 504))
        {
            return "server_error_status must be 500, 502, 503 or 504.";
        }
        if (TimeoutSeconds is > 3600)
        {
            return "timeout_seconds must be at most 3600.";
        }
        return null;
    }
}
