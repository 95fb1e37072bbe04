using Bunit;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Audit;
using Dashboard.Ingest.Shared.Ingest;
using Dashboard.Ingest.Shared.Live;
using Dashboard.Ingest.Sources.Complaints;
using Dashboard.Tests.Infrastructure;
using Dashboard.Web.Auth;
using Dashboard.Web.Features.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Tests.Web.Operations;

public sealed class OperationsAuditTests : WebTestContext
{
    private readonly InMemoryReportingDb _db = new();

    public OperationsAuditTests()
    {
        var source = new ComplaintsSource(new TestOptions<ComplaintsOptions>(new ComplaintsOptions { ApiKey = "k" }), new ComplaintsKpis());
        Services.AddSingleton<IDbContextFactory<ReportingDbContext>>(_db);
        Services.AddSingleton(new KpiBroadcaster());
        Services.AddSingleton<IRefreshRequests>(new RecordingRefreshRequests());
        Services.AddSingleton(new SourceCatalog([source]));
        Services.AddSingleton<OperationsQueries>();
        Services.AddAlertServices();
        Services.AddSingleton<ISourceScheduler>(new RecordingSourceScheduler());
        AddAuthorization().SetAuthorized("admin").SetRoles(Roles.Admin).SetPolicies(Policies.Refresh);
        UseInteractiveServerRenderer();
    }

    [Fact]
    public async Task Administrators_see_the_audit_log_with_who_why_and_before_after()
    {
        await new SourceControl(_db, Time).PauseAsync(ComplaintsIndicators.Source, "operator", "Perawatan server", null, default);

        var cut = Render<OperationsPage>();

        var row = cut.WaitForElement("[data-testid=ops-audit-row]");
        Assert.Contains("operator", row.TextContent, StringComparison.Ordinal);
        // The action under its label, the pause's instant in WIB (no raw code, no ISO time).
        Assert.Contains("Jeda sumber", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(AuditActions.Pause, row.TextContent, StringComparison.Ordinal);
        Assert.Contains("dijeda sejak 10 Juni 2026 14:00 WIB oleh operator", row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("+00:00", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Perawatan server", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("aktif", row.TextContent, StringComparison.Ordinal);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        _db.Dispose();
    }
}
