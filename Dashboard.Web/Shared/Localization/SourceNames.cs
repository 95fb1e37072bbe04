using Microsoft.Extensions.Localization;

namespace Dashboard.Web.Shared.Localization;

public static class SourceNames
{
    /// <summary>A source's name for people (<c>source.&lt;Name&gt;</c> in its feature's text table), or its key when it has none.</summary>
    public static string SourceName(this IStringLocalizer localizer, string source)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        var name = localizer["source." + source];
        return name.ResourceNotFound ? source : name.Value;
    }
}
