using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;

namespace Dashboard.Ingest.Sources.Letters;

/// <summary>
/// Validates a letter request and keeps only the contract's fields. Unknown letter types and statuses are flagged and
/// kept only when they look like a code (otherwise <see cref="ItemReader.Unknown"/>); an unknown kelurahan is flagged and
/// counted city-wide only; wrong types, missing fields and a
/// completion before the request are rejected. Fields the contract does not announce are never read.
/// </summary>
public sealed class LettersMapper : ISourceMapper<LetterRequest>
{
    public string Resource => LettersPayload.Resource;

    /// <summary>The contract's fields: none is personal, and anything else a quarantined copy may have is dropped.</summary>
    public IReadOnlySet<string> StoredFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "updated_at", "deleted", "kelurahan_code", "letter_type", "status", "requested_at", "completed_at",
    };

    public ItemResult<LetterRequest> Map(JsonElement item)
    {
        var r = new ItemReader(item);
        var id = r.RequiredId("id");
        var updatedAt = r.RequiredTimestamp("updated_at");
        if (r.OptionalBool("deleted"))
        {
            return r.HasErrors
                ? ItemResult.Rejected<LetterRequest>(id, updatedAt, r.Errors)
                : ItemResult.Tombstone<LetterRequest>(id!, updatedAt!.Value);
        }
        var kelurahan = r.RequiredString("kelurahan_code");
        if (kelurahan is not null && !ReferenceData.IsKelurahan(kelurahan))
        {
            r.OptionalCode("kelurahan_code", ReferenceData.IsKelurahan);
        }
        var type = r.RequiredEnum("letter_type", LettersPayload.Types);
        var status = r.RequiredEnum("status", LettersPayload.Statuses);
        var requested = r.RequiredTimestamp("requested_at");
        var completed = r.OptionalTimestamp("completed_at");
        if (requested is { } q && completed is { } c && c < q)
        {
            r.Error("completed_at: sebelum requested_at");
        }
        if (id is { Length: > 64 })
        {
            r.Error("id: lebih dari 64 karakter");
        }
        if (r.HasErrors)
        {
            return ItemResult.Rejected<LetterRequest>(id, updatedAt, r.Errors);
        }
        var known = ReferenceData.IsKelurahan(kelurahan);
        var letter = new LetterRequest
        {
            Id = id!,
            KelurahanCode = known ? kelurahan : null,
            KecamatanCode = known ? ReferenceData.KecamatanOf(kelurahan) : null,
            LetterType = Bounded(type!),
            Status = Bounded(status!),
            RequestedAt = requested!.Value,
            CompletedAt = completed,
            UpdatedAt = updatedAt!.Value,
            Flags = r.Flags,
        };
        return ItemResult.Valid(letter, letter.Id, letter.UpdatedAt, letter.Flags is not null);
    }

    public bool SameContent(LetterRequest stored, LetterRequest incoming) => stored.SameContentAs(incoming);

    public void Apply(LetterRequest stored, LetterRequest incoming) => stored.CopyFrom(incoming);

    /// <summary>
    /// A new, withdrawn or re-classified letter changes every day from its request on, and so does a rejection (it
    /// leaves #45's denominator on its deadline day, which may come before the rejection). A completion changes #45
    /// from the completion on: it only counts when it is not after the deadline. diajukan → diproses changes nothing.
    /// </summary>
    public DateTimeOffset AffectedSince(LetterRequest? stored, LetterRequest? incoming)
    {
        if (stored is null || incoming is null)
        {
            return (stored ?? incoming)!.RequestedAt;
        }
        var earliest = stored.RequestedAt < incoming.RequestedAt ? stored.RequestedAt : incoming.RequestedAt;
        var statusChanged = stored.Status != incoming.Status;
        if (stored.LetterType != incoming.LetterType || stored.KelurahanCode != incoming.KelurahanCode ||
            stored.RequestedAt != incoming.RequestedAt ||
            (statusChanged && (!InLifecycle(stored.Status) || !InLifecycle(incoming.Status))))
        {
            return earliest;
        }
        if (stored.CompletedAt != incoming.CompletedAt ||
            (statusChanged && (stored.Status == LettersPayload.Completed || incoming.Status == LettersPayload.Completed)))
        {
            DateTimeOffset? completed = stored.CompletedAt is { } a && (incoming.CompletedAt is not { } b || a < b)
                ? a
                : incoming.CompletedAt;
            return completed ?? earliest;
        }
        return incoming.UpdatedAt;
    }

    /// <summary>Statuses on the way to a letter (rejection and values outside the contract are not).</summary>
    private static bool InLifecycle(string status) => status is "diajukan" or "diproses" or LettersPayload.Completed;

    private static string Bounded(string value) => value.Length <= 32 ? value : value[..32];
}
