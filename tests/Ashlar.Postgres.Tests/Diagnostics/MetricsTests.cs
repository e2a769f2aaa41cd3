using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Ashlar.Diagnostics;
using Ashlar.Postgres.DataLayer;
using Ashlar.Postgres.Diagnostics;
using Ashlar.Postgres.Tests.DataLayer;
using Ashlar.Queries;
using HelpDesk;
using HelpDesk.Resources;
using Xunit;

namespace Ashlar.Postgres.Tests.Diagnostics;

public sealed class MetricsTests(HelpDeskFixture db) : IClassFixture<HelpDeskFixture>
{
    [Fact]
    public async Task Actions_statements_and_connection_waits_are_measured_under_the_Ashlar_meter()
    {
        _ = db.Domain;
        var ct = TestContext.Current.CancellationToken;
        var measured = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == AshlarMeter.Name)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var named = new Dictionary<string, object?>();
            foreach (var tag in tags)
            {
                named[tag.Key] = tag.Value;
            }

            measured.Enqueue((instrument.Name, value, named));
        });
        listener.Start();

        await using var helpdesk = PostgresDomain.Create(HelpDeskDomain.Build(), pg => pg.Repo<HelpDeskRepo>(db.ConnectionString));
        var marker = $"Metered {Guid.NewGuid():N}";
        var tag = await helpdesk.CreateAsync<Tag>(new { name = marker[..40] }, cancellationToken: ct);
        await helpdesk.ReadAsync(Query.For<Tag>().Filter(t => t.Id == tag.Id), cancellationToken: ct);

        var all = measured.ToList();
        Assert.Contains(all, m => m.Instrument == AshlarMeter.OperationDuration && Equals(m.Tags["ashlar.resource"], "Tag") && Equals(m.Tags["ashlar.action"], "create") && m.Value > 0);
        Assert.Contains(all, m => m.Instrument == AshlarMeter.OperationDuration && Equals(m.Tags["ashlar.resource"], "Tag") && Equals(m.Tags["ashlar.action"], "read") && m.Value > 0);
        Assert.Contains(all, m => m.Instrument == PostgresMetrics.CommandDuration && Equals(m.Tags["ashlar.resource"], "Tag") && Equals(m.Tags["ashlar.operation"], "create") && m.Value > 0);
        Assert.Contains(all, m => m.Instrument == PostgresMetrics.CommandDuration && Equals(m.Tags["ashlar.resource"], "Tag") && Equals(m.Tags["ashlar.operation"], "read") && m.Value > 0);
        Assert.Contains(all, m => m.Instrument == PostgresMetrics.ConnectionWait && m.Value > 0);

    }
}
