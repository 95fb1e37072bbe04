using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Dashboard.Ingest.Shared.Telemetry;

namespace Dashboard.Bench.Ingest;

/// <summary>
/// Where ingest spent its time, read from the product's own instruments (<c>dasbor.ingest.phase.duration</c>,
/// <c>dasbor.indicators.recompute.duration</c>) of one host with a <see cref="MeterListener"/>: the sums of every
/// measurement of one source since <see cref="Reset"/>. HTTP, JSON and validation run on the prefetch while the
/// previous pages are written, so their sum with <see cref="Database"/> can exceed the pull's wall time.
/// </summary>
internal sealed class IngestTimings : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Source, string Phase), double> _seconds = new();

    public IngestTimings(IServiceProvider services)
    {
        var factory = services.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == DasborTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, factory)
                && instrument.Name is "dasbor.ingest.phase.duration" or "dasbor.indicators.recompute.duration")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            string? source = null;
            var phase = "indicators";
            foreach (var tag in tags)
            {
                if (tag.Key == "source")
                {
                    source = tag.Value as string;
                }
                else if (tag.Key == "phase")
                {
                    phase = (string)tag.Value!;
                }
            }
            if (source is not null)
            {
                _seconds.AddOrUpdate((source, phase), value, (_, sum) => sum + value);
            }
        });
        _listener.Start();
    }

    public void Reset() => _seconds.Clear();

    public Phases Of(string source) => new(
        Seconds(source, IngestTelemetry.Phases.Http), Seconds(source, IngestTelemetry.Phases.Json),
        Seconds(source, IngestTelemetry.Phases.Validation), Seconds(source, IngestTelemetry.Phases.Database),
        Seconds(source, IngestTelemetry.Phases.Commit), Seconds(source, IngestTelemetry.Phases.Waiting), Seconds(source, "indicators"));

    private double Seconds(string source, string phase) => _seconds.GetValueOrDefault((source, phase));

    public void Dispose() => _listener.Dispose();

    /// <summary>Seconds per phase of one run.</summary>
    internal sealed record Phases(double Http, double Json, double Validation, double Database, double Commit, double Waiting, double Indicators);
}
