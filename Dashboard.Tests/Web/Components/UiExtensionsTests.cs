using Dashboard.Web.Components;

namespace Dashboard.Tests.Web.Components;

public sealed class UiExtensionsTests
{
    [Theory]
    [InlineData("/", true)]
    [InlineData("/aduan?wilayah=35.73.02", true)]
    [InlineData("//evil.example/", false)]
    [InlineData("/\\evil.example/", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("aduan", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Culture_switch_only_redirects_within_the_app(string? uri, bool local) =>
        Assert.Equal(local, UiExtensions.IsLocalPath(uri));
}
