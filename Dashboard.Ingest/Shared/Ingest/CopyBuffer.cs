using System.Buffers.Binary;
using System.Reflection;
using System.Text;
using NpgsqlTypes;

namespace Dashboard.Ingest.Shared.Ingest;

/// <summary>
/// Rows in PostgreSQL's binary <c>COPY</c> format, encoded straight into one growing byte array for
/// <see cref="PostgreSqlRowWriter"/> (which sends it in blocks of <see cref="Block"/> bytes): a header, each row as its field
/// count and each field as its length (-1 for <c>NULL</c>) and its value in network byte order, then a trailer. The values are
/// encoded as Npgsql encodes them (text as strict UTF-8, <c>timestamptz</c> as microseconds and <c>date</c> as days since
/// 2000-01-01, the minimum and maximum values as minus and plus infinity), without its per-value type resolution.
/// </summary>
public sealed class CopyBuffer
{
    /// <summary>Bytes gathered before they are sent.</summary>
    public const int Block = 64 * 1024;

    private static readonly long TimestampEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static readonly int DateEpochDay = new DateOnly(2000, 1, 1).DayNumber;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary><c>PGCOPY\n\377\r\n\0</c>.</summary>
    private static ReadOnlySpan<byte> Signature => [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00];

    private byte[] _bytes = new byte[Block + 16 * 1024];
    private int _length;

    public int Length => _length;

    public ReadOnlyMemory<byte> Written => _bytes.AsMemory(0, _length);

    public void Clear() => _length = 0;

    /// <summary>The encoding method for a provider type written to a column of <paramref name="dbType"/>, or null.</summary>
    public static MethodInfo? Encoder(Type providerType, NpgsqlDbType dbType) => (providerType, dbType) switch
    {
        _ when providerType == typeof(string) && dbType is NpgsqlDbType.Text or NpgsqlDbType.Varchar => Method(nameof(WriteText)),
        _ when providerType == typeof(int) && dbType == NpgsqlDbType.Integer => Method(nameof(WriteInt4)),
        _ when providerType == typeof(long) && dbType == NpgsqlDbType.Bigint => Method(nameof(WriteInt8)),
        _ when providerType == typeof(short) && dbType == NpgsqlDbType.Smallint => Method(nameof(WriteInt2)),
        _ when providerType == typeof(bool) && dbType == NpgsqlDbType.Boolean => Method(nameof(WriteBool)),
        _ when providerType == typeof(double) && dbType == NpgsqlDbType.Double => Method(nameof(WriteFloat8)),
        _ when providerType == typeof(DateOnly) && dbType == NpgsqlDbType.Date => Method(nameof(WriteDate)),
        _ when providerType == typeof(DateTimeOffset) && dbType == NpgsqlDbType.TimestampTz => Method(nameof(WriteTimestampTz)),
        _ => null,
    };

    private static MethodInfo Method(string name) => typeof(CopyBuffer).GetMethod(name)!;

    public void Header()
    {
        Ensure(19);
        Signature.CopyTo(_bytes.AsSpan(_length));
        _length += 11;
        Raw32(0); // flags
        Raw32(0); // header extension length
    }

    public void Trailer()
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_bytes.AsSpan(_length), -1);
        _length += 2;
    }

    public void StartRow(int columns)
    {
        Ensure(2);
        BinaryPrimitives.WriteInt16BigEndian(_bytes.AsSpan(_length), checked((short)columns));
        _length += 2;
    }

    public void WriteNull()
    {
        Ensure(4);
        Raw32(-1);
    }

    public void WriteInt2(short value)
    {
        Ensure(6);
        Raw32(2);
        BinaryPrimitives.WriteInt16BigEndian(_bytes.AsSpan(_length), value);
        _length += 2;
    }

    public void WriteInt4(int value)
    {
        Ensure(8);
        Raw32(4);
        Raw32(value);
    }

    public void WriteInt8(long value)
    {
        Ensure(12);
        Raw32(8);
        BinaryPrimitives.WriteInt64BigEndian(_bytes.AsSpan(_length), value);
        _length += 8;
    }

    public void WriteBool(bool value)
    {
        Ensure(5);
        Raw32(1);
        _bytes[_length++] = value ? (byte)1 : (byte)0;
    }

    public void WriteFloat8(double value)
    {
        Ensure(12);
        Raw32(8);
        BinaryPrimitives.WriteDoubleBigEndian(_bytes.AsSpan(_length), value);
        _length += 8;
    }

    public void WriteDate(DateOnly value)
    {
        Ensure(8);
        Raw32(4);
        Raw32(value == DateOnly.MinValue ? int.MinValue : value == DateOnly.MaxValue ? int.MaxValue : value.DayNumber - DateEpochDay);
    }

    public void WriteTimestampTz(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        Ensure(12);
        Raw32(8);
        BinaryPrimitives.WriteInt64BigEndian(_bytes.AsSpan(_length),
            utc == DateTime.MinValue ? long.MinValue : utc == DateTime.MaxValue ? long.MaxValue : (utc.Ticks - TimestampEpochTicks) / 10);
        _length += 8;
    }

    public void WriteText(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Ensure(4 + Utf8.GetMaxByteCount(value.Length));
        var written = Utf8.GetBytes(value, _bytes.AsSpan(_length + 4));
        Raw32(written);
        _length += written;
    }

    private void Raw32(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(_bytes.AsSpan(_length), value);
        _length += 4;
    }

    private void Ensure(int bytes)
    {
        if (_length + bytes > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + bytes));
        }
    }
}
