using System.Text.Json;
using Dashboard.Ingest.Reporting;
using Dashboard.Ingest.Shared.Ingest;

namespace Dashboard.Ingest.Sources.Complaints;

/// <summary>
/// Validates a complaint item and keeps only what reporting needs: the reporter object (name, phone) is never
/// read. Unknown channel/type/status/agency values are flagged and kept only when they look like a code (otherwise
/// <see cref="ItemReader.Unknown"/>); an unknown category (free text) is flagged and stored as
/// <see cref="ComplaintsPayload.OtherCategory"/>; an unknown kelurahan is counted city-wide; wrong types are rejected.
/// </summary>
public sealed class ComplaintsMapper : ISourceMapper<Complaint>
{
    public string Resource => ComplaintsPayload.Resource;

    /// <summary>Every contract field except <c>reporter</c> (name, phone) and the free-text <c>category</c>.</summary>
    public IReadOnlySet<string> StoredFields { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "id", "updated_at", "deleted", "channel", "type", "agency_code", "kelurahan_code", "status",
        "submitted_at", "verified_at", "first_response_at", "closed_at", "rating",
    };

    public ItemResult<Complaint> Map(JsonElement item)
    {
        var r = new ItemReader(item);
        var id = r.RequiredId("id");
        var updatedAt = r.RequiredTimestamp("updated_at");
        if (r.OptionalBool("deleted"))
        {
            return r.HasErrors
                ? ItemResult.Rejected<Complaint>(id, updatedAt, r.Errors)
                : ItemResult.Tombstone<Complaint>(id!, updatedAt!.Value);
        }
        var channel = r.RequiredEnum("channel", ComplaintsPayload.Channels);
        var type = r.RequiredEnum("type", ComplaintsPayload.Types);
        var category = r.RequiredLabel("category", ComplaintsPayload.Categories, ComplaintsPayload.OtherCategory);
        // An unknown agency is still counted city-wide; it only lacks an agency scope.
        var agency = r.RequiredCode("agency_code", ReferenceData.IsAgency);
        var kelurahan = r.OptionalCode("kelurahan_code", ReferenceData.IsKelurahan);
        var status = r.RequiredEnum("status", ComplaintsPayload.Statuses);
        var submitted = r.RequiredTimestamp("submitted_at");
        var verified = r.OptionalTimestamp("verified_at");
        var firstResponse = r.OptionalTimestamp("first_response_at");
        var closed = r.OptionalTimestamp("closed_at");
        var rating = r.OptionalInt("rating", 1, 5);
        if (submitted is { } s)
        {
            Before(r, "verified_at", s, verified);
            Before(r, "first_response_at", s, firstResponse);
            Before(r, "closed_at", s, closed);
        }
        if (r.HasErrors)
        {
            return ItemResult.Rejected<Complaint>(id, updatedAt, r.Errors);
        }
        var known = ReferenceData.IsKelurahan(kelurahan);
        var complaint = new Complaint
        {
            Id = id!,
            Channel = channel!,
            Type = type!,
            Category = category!.Length <= 120 ? category : category[..120],
            AgencyCode = agency!.Length <= 24 ? agency : agency[..24],
            KelurahanCode = known ? kelurahan : null,
            KecamatanCode = known ? ReferenceData.KecamatanOf(kelurahan) : null,
            Status = status!,
            SubmittedAt = submitted!.Value,
            VerifiedAt = verified,
            FirstResponseAt = firstResponse,
            ClosedAt = closed,
            Rating = rating,
            LastEventAt = Complaint.LastEventOf(type!, status!, submitted!.Value, verified, firstResponse, closed),
            UpdatedAt = updatedAt!.Value,
            Flags = r.Flags,
        };
        return ItemResult.Valid(complaint, complaint.Id, complaint.UpdatedAt, complaint.Flags is not null);
    }

    public bool SameContent(Complaint stored, Complaint incoming) => stored.SameContentAs(incoming);

    public void Apply(Complaint stored, Complaint incoming) => stored.CopyFrom(incoming);

    public DateTimeOffset AffectedSince(Complaint? stored, Complaint? incoming)
    {
        if (stored is null || incoming is null)
        {
            return (stored ?? incoming)!.SubmittedAt;
        }
        var earliest = stored.SubmittedAt < incoming.SubmittedAt ? stored.SubmittedAt : incoming.SubmittedAt;
        var classification = stored.Type != incoming.Type || stored.Category != incoming.Category ||
                             stored.AgencyCode != incoming.AgencyCode || stored.KelurahanCode != incoming.KelurahanCode ||
                             stored.Status != incoming.Status && (ComplaintsPayload.SideExits.Contains(stored.Status) ||
                                                                  ComplaintsPayload.SideExits.Contains(incoming.Status));
        if (classification || stored.SubmittedAt != incoming.SubmittedAt)
        {
            return earliest;
        }
        // Only lifecycle timestamps moved: indicators change from the earliest of the old and new values on.
        DateTimeOffset? since = null;
        Consider(ref since, stored.VerifiedAt, incoming.VerifiedAt);
        Consider(ref since, stored.FirstResponseAt, incoming.FirstResponseAt);
        Consider(ref since, stored.ClosedAt, incoming.ClosedAt);
        if (stored.Status != incoming.Status && (stored.Status == "selesai" || incoming.Status == "selesai"))
        {
            // "Closed (Selesai)" counts from closed_at: a status-only change rewrites those days even when
            // closed_at itself did not move.
            Consider(ref since, stored.ClosedAt, null);
            Consider(ref since, incoming.ClosedAt, null);
        }
        return since ?? incoming.UpdatedAt;
    }

    private static void Consider(ref DateTimeOffset? since, DateTimeOffset? before, DateTimeOffset? after)
    {
        if (before == after)
        {
            return;
        }
        foreach (var t in new[] { before, after })
        {
            if (t is { } v && (since is null || v < since))
            {
                since = v;
            }
        }
    }

    private static void Before(ItemReader r, string field, DateTimeOffset submitted, DateTimeOffset? value)
    {
        if (value is { } v && v < submitted)
        {
            r.Error($"{field}: sebelum submitted_at");
        }
    }
}
