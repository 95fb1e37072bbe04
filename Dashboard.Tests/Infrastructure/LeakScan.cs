using System.Buffers;
using System.Text;

namespace Dashboard.Tests.Infrastructure;

/// <summary>
/// Finds which of many values occur in large texts (a database file, its WAL, captured logs) in one pass per text:
/// a multi-pattern search (<see cref="SearchValues{T}"/> of strings) instead of one substring search per value, so the
/// cost follows the bytes scanned, not values × bytes.
/// </summary>
public sealed class LeakScan
{
    private readonly string[] _values;
    private readonly SearchValues<string> _search;

    public LeakScan(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = [.. values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];
        _search = SearchValues.Create(_values, StringComparison.Ordinal);
    }

    public int Count => _values.Length;

    /// <summary>Every value found in <paramref name="haystack"/> (ordinal), each once, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<string> FindIn(string haystack, int limit = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(haystack);
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var offset = 0;
        while (found.Count < limit && offset < haystack.Length && _values.Length > 0)
        {
            var at = haystack.AsSpan(offset).IndexOfAny(_search);
            if (at < 0)
            {
                break;
            }
            var rest = haystack.AsSpan(offset + at);
            // Several values may start here (one a prefix of another): name each of them.
            foreach (var value in _values)
            {
                if (rest.StartsWith(value, StringComparison.Ordinal) && seen.Add(value))
                {
                    found.Add(value);
                }
            }
            offset += at + 1;
        }
        return found;
    }

    /// <summary>
    /// Every value found in any of <paramref name="haystacks"/>, as "name: value" (at most <paramref name="limit"/>).
    /// </summary>
    public IReadOnlyList<string> FindIn(IReadOnlyDictionary<string, string> haystacks, int limit = 30)
    {
        ArgumentNullException.ThrowIfNull(haystacks);
        var leaks = new List<string>();
        foreach (var (name, text) in haystacks)
        {
            leaks.AddRange(FindIn(text, limit - leaks.Count).Select(v => $"{name}: {v}"));
            if (leaks.Count >= limit)
            {
                break;
            }
        }
        return leaks;
    }

    /// <summary>
    /// A file that a live host may still be writing (the database, its WAL), read whole and decoded as UTF-8 (SQLite keeps
    /// text as UTF-8; a lossy decode is enough to find UTF-8 substrings). A missing file reads as empty.
    /// </summary>
    public static string ReadShared(string path)
    {
        if (!File.Exists(path))
        {
            return "";
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
