using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Dashboard.Simulators.Shared;

/// <summary>
/// Serves one paged resource of a simulated source per the common rules of docs/SOURCES.md: bearer key (401), query
/// validation (400), the armed faults, then <c>{"items": [...], "next_cursor": ..., "server_time": ...}</c> in
/// <c>(updated_at, id)</c> order. An item is <c>{"id", ...payload, "updated_at"}</c>; a tombstone is
/// <c>{"id", "updated_at", "deleted": true}</c> and nothing else.
/// </summary>
/// <param name="writePayload">Writes the record's own properties (everything but id, updated_at, deleted).</param>
/// <param name="unknownEnumValues">Per enum property, values outside the contract for the unknown-enum fault.</param>
/// <param name="refresh">Called before each page is read, so that the data is current (a simulator's Advance).</param>
public sealed class SimulatorFeed<T>(
    SimulatorStore<T> store,
    SimulatorFaults faults,
    TimeProvider time,
    string apiKey,
    Action<Utf8JsonWriter, T> writePayload,
    IReadOnlyDictionary<string, string[]>? unknownEnumValues = null,
    Action? refresh = null)
{
    private static readonly JsonEncodedText ItemsName = JsonEncodedText.Encode("items");
    private static readonly JsonEncodedText NextCursorName = JsonEncodedText.Encode("next_cursor");
    private static readonly JsonEncodedText ServerTimeName = JsonEncodedText.Encode("server_time");
    private static readonly JsonEncodedText IdName = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText UpdatedAtName = JsonEncodedText.Encode("updated_at");
    private static readonly JsonEncodedText DeletedName = JsonEncodedText.Encode("deleted");

    // The output is never embedded in HTML: keep '+' in offsets and non-ASCII names readable instead of \u-escaped.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly IReadOnlyDictionary<string, string[]> _unknownEnumValues =
        unknownEnumValues ?? new Dictionary<string, string[]>();

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!SimulatorHttp.IsAuthorized(context.Request, apiKey))
        {
            await SimulatorHttp.WriteUnauthorizedAsync(context);
            return;
        }
        if (!SimulatorPageRequest.TryParse(context.Request.Query, out var request, out var error))
        {
            await SimulatorHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_parameter", error);
            return;
        }
        if (await SimulatorHttp.AnsweredByFaultAsync(context, faults, time))
        {
            return;
        }

        refresh?.Invoke();
        var page = store.Page(request.UpdatedSince, request.After, request.Limit);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        await WritePageAsync(context, page);
    }

    private async Task WritePageAsync(HttpContext context, SimulatorPage<T> page)
    {
        var body = context.Response.BodyWriter;
        var duplicate = page.Items.Count > 0 && faults.TakeDuplicatePage() ? faults.NextRandom(page.Items.Count) : -1;
        await using var writer = new Utf8JsonWriter(body, WriterOptions);
        writer.WriteStartObject();
        writer.WriteStartArray(ItemsName);
        for (var i = 0; i < page.Items.Count; i++)
        {
            WriteItem(writer, page.Items[i]);
            if (i == duplicate)
            {
                WriteItem(writer, page.Items[i]);
            }
            if (writer.BytesPending > 32 * 1024)
            {
                writer.Flush();
                await body.FlushAsync(context.RequestAborted);
            }
        }
        writer.WriteEndArray();
        if (page.Next is { } next)
        {
            writer.WriteString(NextCursorName, next.Encode());
        }
        else
        {
            writer.WriteNull(NextCursorName);
        }
        SimulatorJson.WriteTimestamp(writer, ServerTimeName, time.GetUtcNow());
        writer.WriteEndObject();
        writer.Flush();
        await body.FlushAsync(context.RequestAborted);
    }

    private void WriteItem(Utf8JsonWriter writer, SimulatorRecord<T> record)
    {
        if (record.Deleted)
        {
            writer.WriteStartObject();
            writer.WriteString(IdName, record.Id);
            SimulatorJson.WriteTimestamp(writer, UpdatedAtName, record.UpdatedAt);
            writer.WriteBoolean(DeletedName, true);
            writer.WriteEndObject();
            return;
        }
        var malformed = faults.TakeMalformed();
        var unknownField = faults.TakeUnknownField();
        var unknownEnum = _unknownEnumValues.Count > 0 && faults.TakeUnknownEnum();
        if (!malformed && !unknownField && !unknownEnum)
        {
            WriteLiveItem(writer, record);
            return;
        }
        // Faulty items are rare: render normally, then edit the JSON tree, so that payload writers stay fault-free.
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var scratch = new Utf8JsonWriter(buffer, WriterOptions))
        {
            WriteLiveItem(scratch, record);
        }
        var item = JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
        if (unknownEnum)
        {
            SimulatorJson.AddUnknownEnum(item, _unknownEnumValues, faults.NextRandom);
        }
        if (unknownField)
        {
            SimulatorJson.AddUnknownFields(item, faults.NextRandom);
        }
        if (malformed)
        {
            SimulatorJson.Malform(item, faults.NextRandom);
        }
        item.WriteTo(writer);
    }

    private void WriteLiveItem(Utf8JsonWriter writer, SimulatorRecord<T> record)
    {
        writer.WriteStartObject();
        writer.WriteString(IdName, record.Id);
        writePayload(writer, record.Value);
        SimulatorJson.WriteTimestamp(writer, UpdatedAtName, record.UpdatedAt);
        writer.WriteEndObject();
    }
}
