using Dashboard.Web.Features.Indicators;

namespace Dashboard.Tests.Web.Indicators;

public sealed class KelurahanTileMapTests
{
    [Fact]
    public void Five_quantile_classes_split_the_values_evenly()
    {
        double[] values = [.. Enumerable.Range(0, 10).Select(i => i * 10.0)];

        var breaks = KelurahanTileMap.Breaks(values);

        Assert.Equal([20, 40, 60, 80], breaks);
        Assert.Equal([0, 0, 1, 1, 2, 2, 3, 3, 4, 4], values.Select(v => KelurahanTileMap.ClassOf(v, breaks)));
    }

    [Fact]
    public void Equal_values_share_one_class_and_no_values_have_no_classes()
    {
        var breaks = KelurahanTileMap.Breaks([5, 5, 5]);
        Assert.Equal(4, KelurahanTileMap.ClassOf(5, breaks));
        Assert.Empty(KelurahanTileMap.Breaks([]));
    }
}
