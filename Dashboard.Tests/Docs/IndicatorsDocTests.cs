using System.Globalization;
using System.Text;
using Dashboard.Ingest.Reporting;

namespace Dashboard.Tests.Docs;

/// <summary>
/// docs/INDICATORS.md is rendered from the indicator catalogue (<see cref="IndicatorCatalog"/>): this test fails when
/// the file no longer matches the catalogue, and rewrites it when run with <c>DASHBOARD_WRITE_DOCS=1</c>.
/// </summary>
public sealed class IndicatorsDocTests
{
    public const string Command = "DASHBOARD_WRITE_DOCS=1 dotnet test Dashboard.Tests --filter IndicatorsDoc";

    [Fact]
    public void IndicatorsDoc_MatchesTheCatalogue()
    {
        var path = RepositoryFiles.PathOf("docs", "INDICATORS.md");
        var expected = Render();
        if (RepositoryFiles.WriteDocs)
        {
            File.WriteAllText(path, expected, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            return;
        }
        Assert.True(File.Exists(path), $"docs/INDICATORS.md is missing: run `{Command}`.");
        var actual = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(actual == expected,
            $"docs/INDICATORS.md is stale (the catalogue changed): run `{Command}` and commit the file. First difference at line {FirstDifference(actual, expected)}.");
    }

    [Fact]
    public void Render_ListsEveryIndicatorOfTheCatalogue()
    {
        var markdown = Render();
        foreach (var definition in IndicatorCatalog.Definitions)
        {
            Assert.Contains($"`{definition.Code}`", markdown, StringComparison.Ordinal);
            Assert.Contains(Cell(definition.NameEn), markdown, StringComparison.Ordinal);
        }
    }

    internal static string Render()
    {
        var targets = IndicatorCatalog.Sets
            .SelectMany(s => s.YearlyTargets)
            .ToDictionary(t => t.Code, t => t.Value, StringComparer.Ordinal);
        var headlines = IndicatorCatalog.Sets.SelectMany(s => s.Headlines).ToHashSet(StringComparer.Ordinal);
        var years = string.Join(", ", IndicatorCatalog.SeededYears);
        var md = new StringBuilder();
        md.Append("<!-- Generated from the indicator catalogue: do not edit by hand. -->\n");
        md.Append("# Indicator catalogue\n\n");
        md.Append("Every indicator the dashboard computes, as defined in code: each source's `*Indicators.cs` in\n");
        md.Append("`Dashboard.Ingest/Sources/<Source>/`, and the follow-up practice's in `Dashboard.Ingest/Shared/FollowUps/` (collected by\n");
        md.Append("`Dashboard.Ingest/Reporting/IndicatorCatalog.cs`).\n");
        md.Append("The catalogue is copied into the reporting database, where administrators may edit notes and targets;\n");
        md.Append("this file shows the catalogue as shipped.\n\n");
        md.Append("This file is generated. After changing the catalogue, regenerate it with\n\n");
        md.Append("```sh\n").Append(Command).Append("\n```\n\n");
        md.Append("and commit it: the same test, run without the variable, fails while the file is stale.\n\n");
        md.Append("Columns: **Dir.** ↑ higher is better, ↓ lower is better, ◇ context (no good or bad direction).\n");
        md.Append(CultureInfo.InvariantCulture, $"**Target** is the yearly target seeded for {years}; *time-proportional* targets apply in\n");
        md.Append("proportion to the part of the year elapsed (running totals since 1 January). **Refresh** is how often the\n");
        md.Append("source is pulled for it, **stale after** when the tile is shown as out of date. ★ marks the indicators the\n");
        md.Append("overview shows as headline tiles.\n\n");

        foreach (var set in IndicatorCatalog.Sets)
        {
            var definitions = IndicatorCatalog.Definitions.Where(d => d.Source == set.Source).ToList();
            md.Append(CultureInfo.InvariantCulture, $"## {set.Source} (#{definitions.Min(d => d.Number)}–#{definitions.Max(d => d.Number)})\n\n");
            md.Append(CultureInfo.InvariantCulture, $"Owner: {definitions[0].OwnerOpd}.");
            if (definitions[0].LegalBasis is { } legal)
            {
                md.Append(CultureInfo.InvariantCulture, $" Legal basis: {legal}.");
            }
            md.Append("\n\n");
            md.Append("| # | Code | Indikator | Indicator | Unit | Dir. | Target | Refresh | Stale after |\n");
            md.Append("|---:|---|---|---|---|:---:|---|---|---|\n");
            foreach (var d in definitions)
            {
                var star = headlines.Contains(d.Code) ? " ★" : "";
                var target = targets.TryGetValue(d.Code, out var value) ? Target(value, d) : "–";
                md.Append(CultureInfo.InvariantCulture,
                    $"| {d.Number} | `{d.Code}`{star} | {Cell(d.NameId)} | {Cell(d.NameEn)} | {Unit(d.Unit)} | {Direction(d.Direction)} | {target} | {Minutes(d.CadenceMinutes)} | {Minutes(d.FreshnessMinutes)} |\n");
            }
            md.Append('\n');
            foreach (var d in definitions)
            {
                md.Append(CultureInfo.InvariantCulture, $"### {d.Number}. {d.NameEn} (`{d.Code}`)\n\n");
                md.Append(CultureInfo.InvariantCulture, $"- **Definisi:** {d.DefinitionId}\n");
                md.Append(CultureInfo.InvariantCulture, $"- **Definition:** {d.DefinitionEn}\n");
                md.Append(CultureInfo.InvariantCulture, $"- **Formula:** `{d.Formula.Replace("`", "'", StringComparison.Ordinal)}`\n");
                if (d.Tolerance > 0)
                {
                    md.Append(CultureInfo.InvariantCulture, $"- **At risk:** within {d.Tolerance * 100:0.#} % of the target on the bad side\n");
                }
                md.Append('\n');
            }
        }
        return md.ToString().TrimEnd('\n') + "\n";
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Target(double value, IndicatorDefinition d)
    {
        var text = d.Unit switch
        {
            IndicatorUnit.Percent => $"{value.ToString("0.##", CultureInfo.InvariantCulture)} %",
            IndicatorUnit.Rupiah => $"Rp {value.ToString("#,0", CultureInfo.InvariantCulture)}",
            _ => value.ToString("#,0.##", CultureInfo.InvariantCulture),
        };
        return d.Cumulative ? text + ", time-proportional" : text;
    }

    private static string Unit(IndicatorUnit unit) => unit switch
    {
        IndicatorUnit.Count => "count",
        IndicatorUnit.Percent => "%",
        IndicatorUnit.WorkingHours => "working hours",
        IndicatorUnit.Per10k => "per 10,000 residents",
        IndicatorUnit.Rupiah => "rupiah",
        IndicatorUnit.Ratio => "ratio",
        _ => unit.ToString(),
    };

    private static string Direction(IndicatorDirection direction) => direction switch
    {
        IndicatorDirection.HigherIsBetter => "↑",
        IndicatorDirection.LowerIsBetter => "↓",
        _ => "◇",
    };

    private static string Minutes(int minutes) => minutes switch
    {
        _ when minutes % 1440 == 0 && minutes >= 1440 => minutes == 1440 ? "1 day" : $"{minutes / 1440} days",
        _ when minutes % 60 == 0 && minutes >= 60 => minutes == 60 ? "1 hour" : $"{minutes / 60} hours",
        _ => $"{minutes} min",
    };

    private static int FirstDifference(string actual, string expected)
    {
        var a = actual.Split('\n');
        var e = expected.Split('\n');
        for (var i = 0; i < Math.Min(a.Length, e.Length); i++)
        {
            if (a[i] != e[i])
            {
                return i + 1;
            }
        }
        return Math.Min(a.Length, e.Length) + 1;
    }
}
