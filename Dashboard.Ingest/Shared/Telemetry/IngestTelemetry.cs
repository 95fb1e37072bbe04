using System.Diagnostics;
using System.Diagnostics.Metrics;
using Dashboard.Ingest.Reporting;

namespace Dashboard.Ingest.Shared.Telemetry;

/// <summary>
/// The product's own telemetry names: the <c>Dasbor</c> meter and activity source. Every instrument of the product
/// lives in this meter (docs/OPERATIONS.md lists them with units and tags); hosts export it with OpenTelemetry, and the
/// benchmarks read the same instruments with a <see cref="MeterListener"/>.
/// </summary>
public static class DasborTelemetry
{
    public const string Name = "Dasbor";

    /// <summary>Spans of ingest runs (<c>ingest.run</c>) and their pages, commits and recomputations.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);

    /// <summary>The meter of <paramref name="factory"/> (one per host, so tests can tell hosts apart), or a free-standing one.</summary>
    public static Meter CreateMeter(IMeterFactory? factory) => factory?.Create(Name) ?? new Meter(Name);
}

/// <summary>
/// Ingest instruments, recorded by <see cref="Ingest.IngestEngine"/>. Item counts come from the same page counters that
/// are added to the run's ledger row, so the two always reconcile.
/// </summary>
public sealed class IngestTelemetry
{
    /// <summary>Ingest phases of <see cref="PhaseDuration"/>.</summary>
    public static class Phases
    {
        /// <summary>Requests and reading the bodies (the source's serving time included).</summary>
        public const string Http = "http";
        public const string Json = "json";
        /// <summary>Validation and mapping (personal keys hashed, fields checked).</summary>
        public const string Validation = "validation";
        /// <summary>Applying and committing a group of pages: lookups, upserts, quarantine, ledger, watermark, lease.</summary>
        public const string Database = "database";
        /// <summary>Of <see cref="Database"/>, the commit itself.</summary>
        public const string Commit = "commit";
        /// <summary>The writer idle, waiting for the next page to arrive.</summary>
        public const string Waiting = "waiting";
    }

    public IngestTelemetry(IMeterFactory? factory = null)
    {
        Meter = DasborTelemetry.CreateMeter(factory);
        Items = Meter.CreateCounter<long>("dasbor.ingest.items", "{item}",
            "Items of a source by what became of them: read, inserted, updated, unchanged, deleted, rejected (quarantined), flagged.");
        Pages = Meter.CreateCounter<long>("dasbor.ingest.pages", "{page}", "Pages fetched from a source and committed.");
        RunDuration = Meter.CreateHistogram<double>("dasbor.ingest.run.duration", "s", "Duration of an ingest run, by source and outcome.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800] });
        RunsSkipped = Meter.CreateCounter<long>("dasbor.ingest.runs.skipped", "{run}",
            "Runs that did not start: reason running (another run holds the lease), paused or moot (a retry no longer needed).");
        PhaseDuration = Meter.CreateHistogram<double>("dasbor.ingest.phase.duration", "s",
            "Where ingest spends its time, per page or commit group: http, json, validation, database, commit, waiting.");
        RecomputeDuration = Meter.CreateHistogram<double>("dasbor.indicators.recompute.duration", "s",
            "Recomputing a source's indicators after its pages were committed.");
        RecomputeRows = Meter.CreateCounter<long>("dasbor.indicators.recompute.rows", "{row}",
            "Indicator series rows a recomputation wrote: what it cost, which follows the days a run's changes touch, not the history.");
    }

    public Meter Meter { get; }
    public Counter<long> Items { get; }
    public Counter<long> Pages { get; }
    public Histogram<double> RunDuration { get; }
    public Counter<long> RunsSkipped { get; }
    public Histogram<double> PhaseDuration { get; }
    public Histogram<double> RecomputeDuration { get; }
    public Counter<long> RecomputeRows { get; }

    public void Phase(string source, string phase, TimeSpan elapsed)
    {
        if (PhaseDuration.Enabled && elapsed > TimeSpan.Zero)
        {
            PhaseDuration.Record(elapsed.TotalSeconds, new("source", source), new("phase", phase));
        }
    }

    /// <summary>Counts one committed page's items, with the same counters the ledger row gets.</summary>
    public void Committed(string source, int pages, int read, int inserted, int updated, int unchanged, int deleted, int rejected, int flagged)
    {
        Pages.Add(pages, new KeyValuePair<string, object?>("source", source));
        Count(source, "read", read);
        Count(source, "inserted", inserted);
        Count(source, "updated", updated);
        Count(source, "unchanged", unchanged);
        Count(source, "deleted", deleted);
        Count(source, "rejected", rejected);
        Count(source, "flagged", flagged);
    }

    public void RunEnded(string source, IngestRunStatus outcome, TimeSpan elapsed) =>
        RunDuration.Record(elapsed.TotalSeconds, new("source", source), new("outcome", outcome.ToString().ToLowerInvariant()));

    public void Skipped(string source, string reason) =>
        RunsSkipped.Add(1, new("source", source), new("reason", reason));

    private void Count(string source, string kind, int value) =>
        Items.Add(value, new("source", source), new("kind", kind));
}
