using System.Globalization;
using System.Text;
using Dashboard.Tests.Infrastructure;

namespace Dashboard.Tests.Privacy;

/// <summary>The privacy scans' one-pass search must find exactly what a substring search per value finds.</summary>
public sealed class LeakScanTests
{
    [Fact]
    public void Finds_a_value_hidden_in_a_large_text_among_many_values()
    {
        var values = Enumerable.Range(0, 20_000).Select(i => string.Create(CultureInfo.InvariantCulture, $"35730{i:D11}")).ToList();
        var text = new StringBuilder();
        for (var i = 0; i < 200_000; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"row {i} kelurahan {i % 57} ");
        }
        var clean = text.ToString();
        text.Insert(text.Length / 2, values[12_345]);

        Assert.Empty(new LeakScan(values).FindIn(clean));
        Assert.Equal([values[12_345]], new LeakScan(values).FindIn(text.ToString()));
    }

    [Fact]
    public void Names_every_value_found_at_the_start_the_end_and_overlapping()
    {
        var scan = new LeakScan(["Zqxprivat", "Zqxprivat Budi", "081234567", "absent"]);

        var found = scan.FindIn("Zqxprivat Budi tinggal di ... telp 081234567");

        Assert.Equal(["Zqxprivat", "Zqxprivat Budi", "081234567"], found);
    }

    [Fact]
    public void Agrees_with_a_substring_search_per_value()
    {
        var random = new Random(16);
        var values = Enumerable.Range(0, 500).Select(_ => new string([.. Enumerable.Range(0, random.Next(6, 10)).Select(_ => (char)('a' + random.Next(4)))])).ToList();
        var text = new string([.. Enumerable.Range(0, 50_000).Select(_ => (char)('a' + random.Next(5)))]);

        var expected = values.Distinct().Where(v => text.Contains(v, StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        var actual = new LeakScan(values).FindIn(text).Order(StringComparer.Ordinal);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Reports_the_haystack_each_leak_was_found_in()
    {
        var scan = new LeakScan(["3573012345678901", "Zqxprivat"]);
        var haystacks = new Dictionary<string, string>
        {
            ["database"] = "...3573012345678901...",
            ["wal"] = "",
            ["logs"] = "Information Complaint from Zqxprivat Ani",
        };

        Assert.Equal(["database: 3573012345678901", "logs: Zqxprivat"], scan.FindIn(haystacks));
    }
}
