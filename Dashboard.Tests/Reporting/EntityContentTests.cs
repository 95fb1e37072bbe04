using System.Runtime.CompilerServices;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Sources.SocialAid;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Dashboard.Tests.Reporting;

/// <summary>
/// Every source entity's hand-written <c>SameContentAs</c> and <c>CopyFrom</c> against the EF model: a mapped
/// property left out of either would make the ingest skip a changed row, or store a change only partly. The test
/// walks the model, so a property added to an entity is checked without editing it.
/// </summary>
public sealed class EntityContentTests
{
    /// <summary>Mapped properties that <c>CopyFrom</c> derives instead of copying, and that are therefore not compared.</summary>
    private static readonly HashSet<(Type, string)> DerivedOnCopy =
    [
        // When the family was first seen graduated: kept across versions, cleared when it leaves graduasi.
        (typeof(SocialAidFamily), nameof(SocialAidFamily.GraduatedAt)),
    ];

    public static TheoryData<string> SourceEntities() => [.. Model().GetEntityTypes()
        .Where(e => typeof(ISourceEntity).IsAssignableFrom(e.ClrType))
        .Select(e => e.ClrType.FullName!)];

    [Fact]
    public void Every_source_entity_is_checked()
    {
        // The six sources' tables; a new source adds its own here by being in the model.
        Assert.True(SourceEntities().Count >= 11, $"only {SourceEntities().Count} source entities found in the model");
    }

    [Theory]
    [MemberData(nameof(SourceEntities))]
    public void SameContentAs_notices_and_CopyFrom_copies_every_mapped_property(string entityName)
    {
        var entity = Model().GetEntityTypes().Single(e => e.ClrType.FullName == entityName);
        var type = entity.ClrType;
        var same = type.GetMethod("SameContentAs", [type]) ?? throw new InvalidOperationException($"{type.Name} has no SameContentAs({type.Name})");
        var copy = type.GetMethod("CopyFrom", [type]) ?? throw new InvalidOperationException($"{type.Name} has no CopyFrom({type.Name})");
        var key = entity.FindPrimaryKey()!.Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var properties = entity.GetProperties()
            .Where(p => !p.IsShadowProperty() && !key.Contains(p.Name) && p.PropertyInfo is { CanWrite: true })
            .ToList();
        Assert.NotEmpty(properties);

        var stored = Filled(type, properties, 0);
        Assert.True((bool)same.Invoke(stored, [Filled(type, properties, 0)])!, $"{type.Name}: two equal instances differ");
        foreach (var property in properties)
        {
            if (DerivedOnCopy.Contains((type, property.Name)))
            {
                continue;
            }
            var incoming = Filled(type, properties, 0);
            property.PropertyInfo!.SetValue(incoming, Value(property.ClrType, 1));
            Assert.False((bool)same.Invoke(stored, [incoming])!, $"{type.Name}.SameContentAs ignores {property.Name}");

            var target = Filled(type, properties, 0);
            copy.Invoke(target, [incoming]);
            Assert.Equal(property.PropertyInfo.GetValue(incoming), property.PropertyInfo.GetValue(target));
            Assert.True((bool)same.Invoke(target, [incoming])!, $"{type.Name}.CopyFrom leaves {property.Name} behind");
        }
    }

    private static IModel Model()
    {
        using var db = new SqliteReportingDbContext(new DbContextOptionsBuilder<SqliteReportingDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.Model;
    }

    private static object Filled(Type type, IEnumerable<IProperty> properties, int variant)
    {
        var instance = RuntimeHelpers.GetUninitializedObject(type);
        foreach (var property in properties)
        {
            property.PropertyInfo!.SetValue(instance, Value(property.ClrType, variant));
        }
        return instance;
    }

    /// <summary>A value of <paramref name="type"/>; variants 0 and 1 differ.</summary>
    private static object Value(Type type, int variant)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t switch
        {
            _ when t == typeof(string) => variant == 0 ? "a" : "b",
            _ when t == typeof(int) => 1 + variant,
            _ when t == typeof(long) => 1L + variant,
            _ when t == typeof(short) => (short)(1 + variant),
            _ when t == typeof(byte) => (byte)(1 + variant),
            _ when t == typeof(decimal) => 1m + variant,
            _ when t == typeof(double) => 1.0 + variant,
            _ when t == typeof(bool) => variant == 1,
            _ when t == typeof(DateTimeOffset) => new DateTimeOffset(2026, 1, 1 + variant, 0, 0, 0, TimeSpan.Zero),
            _ when t == typeof(DateTime) => new DateTime(2026, 1, 1 + variant, 0, 0, 0, DateTimeKind.Utc),
            _ when t == typeof(DateOnly) => new DateOnly(2026, 1, 1 + variant),
            _ when t == typeof(TimeOnly) => new TimeOnly(1 + variant, 0),
            _ when t.IsEnum => Enum.GetValues(t).GetValue(variant)!,
            _ => throw new InvalidOperationException($"No test value for {type.Name}: add one here."),
        };
    }
}
