namespace Dashboard.Ingest.Shared.Ingest;

public enum ItemKind { Valid, Tombstone, Rejected }

/// <summary>What a mapper made of one source item.</summary>
public readonly record struct ItemResult<T>(ItemKind Kind, string? Id, DateTimeOffset? UpdatedAt, T? Entity, string? Reason, bool Flagged)
    where T : class;

public static class ItemResult
{
    public static ItemResult<T> Valid<T>(T entity, string id, DateTimeOffset updatedAt, bool flagged) where T : class =>
        new(ItemKind.Valid, id, updatedAt, entity, null, flagged);

    public static ItemResult<T> Tombstone<T>(string id, DateTimeOffset updatedAt) where T : class =>
        new(ItemKind.Tombstone, id, updatedAt, null, null, false);

    public static ItemResult<T> Rejected<T>(string? id, DateTimeOffset? updatedAt, string reason) where T : class =>
        new(ItemKind.Rejected, id, updatedAt, null, reason, false);
}
