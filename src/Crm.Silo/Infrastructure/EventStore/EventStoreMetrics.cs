using System.Diagnostics.Metrics;

namespace Crm.Silo.Infrastructure.EventStore;

/// <summary>The event store's OpenTelemetry instruments; the host registers <see cref="MeterName"/>.</summary>
public sealed class EventStoreMetrics : IDisposable
{
    public const string MeterName = "Crm.EventStore";

    private readonly Meter meter;
    private readonly bool ownsMeter;
    private readonly KeyValuePair<string, object?> providerTag;
    private readonly Counter<long> eventsAppended;
    private readonly Counter<long> commits;
    private readonly Histogram<int> batchSize;
    private readonly Histogram<double> commitDuration;

    internal EventStoreMetrics(string provider, IMeterFactory? meterFactory)
    {
        // A factory-made meter belongs to the container; one we create ourselves we dispose with the store.
        meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        ownsMeter = meterFactory is null;
        providerTag = new("provider", provider);
        eventsAppended = meter.CreateCounter<long>("crm.eventstore.events_appended", "{event}", "Events durably appended.");
        commits = meter.CreateCounter<long>("crm.eventstore.commits", "{commit}", "Group-commit transactions committed.");
        batchSize = meter.CreateHistogram<int>("crm.eventstore.batch_size", "{append}", "Appends carried by one group commit.");
        commitDuration = meter.CreateHistogram<double>("crm.eventstore.commit_duration", "ms", "Duration of one group commit, from begin to durable.");
    }

    internal void RecordCommit(int appends, int events, double milliseconds)
    {
        commits.Add(1, providerTag);
        eventsAppended.Add(events, providerTag);
        batchSize.Record(appends, providerTag);
        commitDuration.Record(milliseconds, providerTag);
    }

    public void Dispose()
    {
        if (ownsMeter)
        {
            meter.Dispose();
        }
    }
}
