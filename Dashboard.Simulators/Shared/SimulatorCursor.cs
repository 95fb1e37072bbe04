using System.Buffers.Binary;
using System.Buffers.Text;
using System.Text;

namespace Dashboard.Simulators.Shared;

/// <summary>
/// A position in a feed ordered by <c>(updated_at, id)</c>: the key of the last item a page served. On the wire it is
/// opaque (base64url of a version byte, the UTC ticks and the id), so clients cannot build or edit one.
/// </summary>
public readonly record struct SimulatorCursor(long UtcTicks, string Id) : IComparable<SimulatorCursor>
{
    private const byte Version = 1;

    public DateTimeOffset UpdatedAt => new(UtcTicks, TimeSpan.Zero);

    public static SimulatorCursor At(DateTimeOffset updatedAt, string id) => new(updatedAt.UtcTicks, id);

    public string Encode()
    {
        var id = Encoding.UTF8.GetBytes(Id);
        var bytes = new byte[9 + id.Length];
        bytes[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(1), UtcTicks);
        id.CopyTo(bytes, 9);
        return Base64Url.EncodeToString(bytes);
    }

    public static bool TryDecode(string? text, out SimulatorCursor cursor)
    {
        cursor = default;
        if (string.IsNullOrEmpty(text) || text.Length > 2048)
        {
            return false;
        }
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
        }
        catch (FormatException)
        {
            return false;
        }
        if (bytes.Length < 10 || bytes[0] != Version)
        {
            return false;
        }
        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(1));
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }
        string id;
        try
        {
            id = new UTF8Encoding(false, true).GetString(bytes, 9, bytes.Length - 9);
        }
        catch (ArgumentException)
        {
            return false;
        }
        cursor = new SimulatorCursor(ticks, id);
        return true;
    }

    /// <summary>Feed order: by time, then by id in ordinal order.</summary>
    public int CompareTo(SimulatorCursor other)
    {
        var c = UtcTicks.CompareTo(other.UtcTicks);
        return c != 0 ? c : string.CompareOrdinal(Id, other.Id);
    }

    public static bool operator <(SimulatorCursor left, SimulatorCursor right) => left.CompareTo(right) < 0;

    public static bool operator >(SimulatorCursor left, SimulatorCursor right) => left.CompareTo(right) > 0;

    public static bool operator <=(SimulatorCursor left, SimulatorCursor right) => left.CompareTo(right) <= 0;

    public static bool operator >=(SimulatorCursor left, SimulatorCursor right) => left.CompareTo(right) >= 0;
}
