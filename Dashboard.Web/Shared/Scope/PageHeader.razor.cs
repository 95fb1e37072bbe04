using Microsoft.AspNetCore.Components;

namespace Dashboard.Web.Shared.Scope;

/// <summary>
/// The header every data page shares: its title, the scope trail from the city down (each step but the last a link),
/// the page's own filters under it, and on the right the source's freshness, whether a run is going on, the WIB clock
/// and the refresh button.
/// </summary>
public sealed partial class PageHeader
{
    /// <summary>The page's title (the <c>h1</c>).</summary>
    [Parameter, EditorRequired]
    public string Title { get; set; } = "";

    /// <summary>A test id for the title, where tests look it up.</summary>
    [Parameter]
    public string? TitleTestId { get; set; }

    /// <summary>The steps from the city to the scope on screen; no trail while it is null (before the first load).</summary>
    [Parameter]
    public IReadOnlyList<ScopeStep>? Trail { get; set; }

    /// <summary>The trail's accessible name.</summary>
    [Parameter]
    public string? TrailLabel { get; set; }

    /// <summary>The link of a step's code (the page for that scope).</summary>
    [Parameter]
    public Func<string, string> Href { get; set; } = code => code;

    /// <summary>When set, each step's link gets the test id <c>{prefix}{code}</c>.</summary>
    [Parameter]
    public string? StepTestIdPrefix { get; set; }

    /// <summary>The page's filters, under the trail.</summary>
    [Parameter]
    public RenderFragment? Filters { get; set; }

    /// <summary>The page's own controls, first on the right (a scope picker).</summary>
    [Parameter]
    public RenderFragment? Actions { get; set; }

    /// <summary>"Updated 3 minutes ago · 14:02"; nothing while null (before the first load).</summary>
    [Parameter]
    public string? Freshness { get; set; }

    /// <summary>Whether the source is being refreshed now.</summary>
    [Parameter]
    public bool IsRunning { get; set; }

    /// <summary>The source the refresh button refreshes.</summary>
    [Parameter, EditorRequired]
    public string Source { get; set; } = "";

    /// <summary>Raised each minute by the clock: the page's data ages follow it.</summary>
    [Parameter]
    public EventCallback<DateTimeOffset> OnMinute { get; set; }
}
