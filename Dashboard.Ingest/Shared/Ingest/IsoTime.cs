using System.Globalization;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>
/// The sources' dates and timestamps, read a million times in a first load. The contracts' own shapes
/// (<c>yyyy-MM-dd</c>; <c>yyyy-MM-ddTHH:mm:ss[.fffffff](Z|±HH:mm)</c>) are read by hand; anything else goes to .NET's
/// general parsers exactly as before, so what is accepted and what it means does not change, only how fast the
/// common shape is read (<c>IsoTimeTests</c> checks both paths agree).
/// </summary>
public static class IsoTime
{
    /// <summary>A calendar date <c>yyyy-MM-dd</c>, as <c>DateOnly.TryParseExact(text, "yyyy-MM-dd", InvariantCulture)</c>.</summary>
    public static bool TryParseDate(string text, out DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryStrictDate(text, out date))
        {
            return true;
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>
    /// Writes <paramref name="date"/> as <c>yyyy-MM-dd</c> in ASCII into the first 10 bytes of <paramref name="utf8"/>, as
    /// <c>date.ToString("yyyy-MM-dd", InvariantCulture)</c> writes it (the year on four digits), without a format string.
    /// </summary>
    public static void FormatDate(DateOnly date, Span<byte> utf8)
    {
        date.Deconstruct(out var year, out var month, out var day);
        utf8 = utf8[..10];
        utf8[0] = (byte)('0' + year / 1000);
        utf8[1] = (byte)('0' + year / 100 % 10);
        utf8[2] = (byte)('0' + year / 10 % 10);
        utf8[3] = (byte)('0' + year % 10);
        utf8[4] = (byte)'-';
        utf8[5] = (byte)('0' + month / 10);
        utf8[6] = (byte)('0' + month % 10);
        utf8[7] = (byte)'-';
        utf8[8] = (byte)('0' + day / 10);
        utf8[9] = (byte)('0' + day % 10);
    }

    /// <summary>
    /// A timestamp with its zone (<c>Z</c> or <c>±HH:mm</c>) in UTC; false without a zone or when .NET's invariant parser
    /// (<c>DateTimeOffset.TryParse</c>) does not read it either.
    /// </summary>
    public static bool TryParseZoned(string text, out DateTimeOffset utc)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (TryStrictTimestamp(text, out utc))
        {
            return true;
        }
        if (!HasZone(text) || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            utc = default;
            return false;
        }
        utc = parsed.ToUniversalTime();
        return true;
    }

    /// <summary>Whether a timestamp's text ends in a zone: <c>Z</c>, <c>z</c> or <c>±HH:mm</c>.</summary>
    public static bool HasZone(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.EndsWith('Z') || text.EndsWith('z') || (text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':');
    }

    private static bool TryStrictDate(ReadOnlySpan<char> s, out DateOnly date)
    {
        date = default;
        if (s.Length != 10 || s[4] != '-' || s[7] != '-'
            || !Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }

    private static bool TryStrictTimestamp(ReadOnlySpan<char> s, out DateTimeOffset utc)
    {
        utc = default;
        // yyyy-MM-ddTHH:mm:ss, then an optional fraction of 1–7 digits, then Z or ±HH:mm.
        if (s.Length < 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || !TryStrictDate(s[..10], out var date)
            || !Digits(s, 11, 2, out var hour) || !Digits(s, 14, 2, out var minute) || !Digits(s, 17, 2, out var second)
            || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        var i = 19;
        long fraction = 0;
        if (s[i] == '.')
        {
            var digits = 0;
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                if (++digits > 7)
                {
                    return false;
                }
                fraction = fraction * 10 + (s[i] - '0');
                i++;
            }
            if (digits == 0)
            {
                return false;
            }
            for (var d = digits; d < 7; d++)
            {
                fraction *= 10;
            }
        }
        TimeSpan offset;
        var zone = s[i..];
        if (zone is "Z" or "z")
        {
            offset = TimeSpan.Zero;
        }
        else if (zone.Length == 6 && zone[0] is '+' or '-' && zone[3] == ':'
                 && Digits(zone, 1, 2, out var oh) && Digits(zone, 4, 2, out var om) && oh <= 14 && om <= 59 && (oh < 14 || om == 0))
        {
            offset = new TimeSpan(oh, om, 0);
            if (zone[0] == '-')
            {
                offset = -offset;
            }
        }
        else
        {
            return false;
        }
        var local = date.ToDateTime(new TimeOnly(hour, minute, second)).Ticks + fraction;
        var ticks = local - offset.Ticks;
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }
        utc = new DateTimeOffset(ticks, TimeSpan.Zero);
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = s[i];
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            value = value * 10 + (c - '0');
        }
        return true;
    }
}
