using Dashboard.Simulators.Shared;

namespace Dashboard.Tests.Shared.Simulation;

public sealed class SimulatorFaultsTests
{
    [Fact]
    public void RequestFaults_FireOncePerRequest_InPriorityOrder_AndDisarm()
    {
        var faults = new SimulatorFaults();
        faults.NotJson(1);
        faults.ServerError(1, 502);
        faults.RateLimit(1, TimeSpan.FromSeconds(2));
        faults.Timeout(1, TimeSpan.FromSeconds(9));

        var kinds = Enumerable.Range(0, 5).Select(_ => faults.TakeRequestFault()).ToList();

        Assert.Equal(
            [RequestFaultKind.Hang, RequestFaultKind.RateLimit, RequestFaultKind.ServerError, RequestFaultKind.NotJson, RequestFaultKind.None],
            kinds.Select(k => k.Kind));
        Assert.Equal(TimeSpan.FromSeconds(9), kinds[0].Duration);
        Assert.Equal(TimeSpan.FromSeconds(2), kinds[1].Duration);
        Assert.Equal(502, kinds[2].StatusCode);
    }

    [Fact]
    public void ItemFaults_CountDown()
    {
        var faults = new SimulatorFaults();
        faults.MalformedItems(2);
        faults.UnknownFields(1);

        Assert.True(faults.TakeMalformed());
        Assert.True(faults.TakeMalformed());
        Assert.False(faults.TakeMalformed());
        Assert.True(faults.TakeUnknownField());
        Assert.False(faults.TakeUnknownField());
        Assert.False(faults.TakeUnknownEnum());
        Assert.False(faults.TakeDuplicatePage());
    }

    [Fact]
    public void Apply_SetsOnlyWhatIsGiven_ResetClearsFirst()
    {
        var faults = new SimulatorFaults();
        faults.MalformedItems(5);

        faults.Apply(new SimulatorFaultSettings { ServerErrorRequests = 3, ServerErrorStatus = 500, UnknownEnumItems = 2 });
        var state = faults.Snapshot();
        Assert.Equal(5, state.MalformedItems);
        Assert.Equal(3, state.ServerErrorRequests);
        Assert.Equal(500, state.ServerErrorStatus);
        Assert.Equal(2, state.UnknownEnumItems);

        faults.Apply(new SimulatorFaultSettings { Reset = true, TimeoutRequests = 1, TimeoutSeconds = 4 });
        state = faults.Snapshot();
        Assert.Equal(0, state.MalformedItems);
        Assert.Equal(0, state.ServerErrorRequests);
        Assert.Equal(1, state.TimeoutRequests);
        Assert.Equal(4, state.TimeoutSeconds);
    }

    [Theory]
    [InlineData(-1, null, null)]
    [InlineData(null, 404, null)]
    [InlineData(null, null, 7200.0)]
    public void Apply_RejectsBadValues_AndAppliesNothing(int? malformed, int? status, double? timeoutSeconds)
    {
        var faults = new SimulatorFaults();
        var settings = new SimulatorFaultSettings
        {
            RateLimitRequests = 1, MalformedItems = malformed, ServerErrorStatus = status, TimeoutSeconds = timeoutSeconds,
        };

        Assert.Throws<ArgumentException>(() => faults.Apply(settings));
        Assert.Equal(0, faults.Snapshot().RateLimitRequests);
    }

    [Fact]
    public void Setters_RejectNegativeCountsAndOtherStatuses()
    {
        var faults = new SimulatorFaults();
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.NotJson(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.ServerError(1, 418));
        Assert.Throws<ArgumentOutOfRangeException>(() => faults.RateLimit(1, TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void Faults_AreSafeUnderConcurrentUse()
    {
        var faults = new SimulatorFaults();
        faults.MalformedItems(10_000);
        var taken = 0;

        Parallel.For(0, 20_000, _ =>
        {
            if (faults.TakeMalformed())
            {
                Interlocked.Increment(ref taken);
            }
        });

        Assert.Equal(10_000, taken);
    }
}
