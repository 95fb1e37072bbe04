namespace Dashboard.Web.Shared.Localization;

/// <summary>
/// The resource type components ask for (<c>IStringLocalizer&lt;UiStrings&gt;</c>). All UI texts live in one
/// table per language, so the type only names the table.
/// </summary>
public sealed class UiStrings
{
    private UiStrings()
    {
    }
}
