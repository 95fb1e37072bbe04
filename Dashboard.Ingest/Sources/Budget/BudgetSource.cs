using System.ComponentModel;
using Dashboard.Ingest.Shared.Ingest;
using Microsoft.Extensions.Options;

namespace Dashboard.Ingest.Sources.Budget;

/// <summary>Budget lines first (realisation is read against their pagu), then the cash plan, SP2D payments and monev progress.</summary>
[DisplayName("Tarik data anggaran (pagu, anggaran kas, SP2D, capaian fisik)")]
public sealed class BudgetSource(IOptionsMonitor<BudgetOptions> options, BudgetKpis kpis) : IngestSource<BudgetSource, BudgetOptions>(options)
{
    public override string Name => BudgetIndicators.Source;

    public override IReadOnlyList<IFeed> Feeds { get; } =
    [
        new Feed<BudgetLine>(new BudgetLinesMapper()),
        new Feed<BudgetCashPlan>(new BudgetCashPlansMapper()),
        new Feed<BudgetPayment>(new BudgetPaymentsMapper()),
        new Feed<BudgetProgress>(new BudgetProgressMapper()),
    ];

    public override ISourceKpis Kpis => kpis;
}
