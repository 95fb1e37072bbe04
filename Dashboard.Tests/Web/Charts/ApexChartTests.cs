using Bunit;
using Dashboard.Web.Shared.Charts;

namespace Dashboard.Tests.Web.Charts;

public sealed class ApexChartTests : WebTestContext
{
    private const string Module = "./js/apexchart-interop.js";

    [Fact]
    public async Task Draws_through_its_module_updates_series_on_new_data_and_destroys_on_dispose()
    {
        var module = JSInterop.SetupModule(Module);
        module.SetupVoid("render", _ => true).SetVoidResult();
        module.SetupVoid("update", _ => true).SetVoidResult();
        module.SetupVoid("destroy", _ => true).SetVoidResult();

        var cut = Render<ApexChart>(p => p
            .Add(x => x.Id, "chart-test")
            .Add(x => x.Type, ApexChartType.Bar)
            .Add(x => x.Categories, ["1 Jun", "2 Jun"])
            .Add(x => x.Series, [new ChartSeries("Aduan", [3, 4])]));

        var render = Assert.Single(module.Invocations["render"]);
        Assert.Equal("chart-test", render.Arguments[1]);
        Assert.Equal("chart-test", cut.Find("div.apex-chart").Id);

        // Same data again: nothing to send.
        cut.Render(p => p.Add(x => x.Series, [new ChartSeries("Aduan", [3, 4])]));
        Assert.Empty(module.Invocations["update"]);

        cut.Render(p => p.Add(x => x.Series, [new ChartSeries("Aduan", [3, 9])]));
        Assert.Single(module.Invocations["update"]);
        Assert.Single(module.Invocations["render"]);

        // A different kind of chart is drawn anew.
        cut.Render(p => p.Add(x => x.Type, ApexChartType.Line));
        Assert.Equal(2, module.Invocations["render"].Count);

        await DisposeComponentsAsync();
        Assert.Equal("chart-test", Assert.Single(module.Invocations["destroy"]).Arguments[0]);
    }
}
