using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Dashboard.Simulators.Shared;

/// <summary>
/// The control endpoints of a simulated source, behind the same bearer key as its data:
/// <list type="bullet">
/// <item><c>GET {basePath}/_control/faults</c>: what is armed (<see cref="SimulatorFaultSettings"/>, snake_case).</item>
/// <item><c>POST {basePath}/_control/faults</c> with a <see cref="SimulatorFaultSettings"/> body: arm switches; answers the new state.</item>
/// <item><c>POST {basePath}/_control/generate?count=N</c> (1..10000, default 1): N new records now; answers
/// <c>{"generated": N, "ids": [...], "count": total}</c>.</item>
/// </list>
/// </summary>
public static class SimulatorControl
{
    public const int MaxGenerate = 10_000;

    public static void MapControlEndpoints(this IEndpointRouteBuilder routes, ILiveSimulator simulator, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(simulator);
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        var prefix = simulator.BasePath.TrimEnd('/') + "/_control";

        routes.MapGet(prefix + "/faults", async context =>
        {
            if (!SimulatorHttp.IsAuthorized(context.Request, apiKey))
            {
                await SimulatorHttp.WriteUnauthorizedAsync(context);
                return;
            }
            await WriteJsonAsync(context, simulator.Faults.Snapshot());
        });

        routes.MapPost(prefix + "/faults", async context =>
        {
            if (!SimulatorHttp.IsAuthorized(context.Request, apiKey))
            {
                await SimulatorHttp.WriteUnauthorizedAsync(context);
                return;
            }
            SimulatorFaultSettings? settings;
            try
            {
                settings = await JsonSerializer.DeserializeAsync<SimulatorFaultSettings>(
                    context.Request.Body, SimulatorJson.ControlOptions, context.RequestAborted);
            }
            catch (JsonException e)
            {
                await SimulatorHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_body", e.Message);
                return;
            }
            var error = settings is null ? "A JSON object is required." : settings.Validate();
            if (error is not null)
            {
                await SimulatorHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_body", error);
                return;
            }
            simulator.Faults.Apply(settings!);
            await WriteJsonAsync(context, simulator.Faults.Snapshot());
        });

        routes.MapPost(prefix + "/generate", async context =>
        {
            if (!SimulatorHttp.IsAuthorized(context.Request, apiKey))
            {
                await SimulatorHttp.WriteUnauthorizedAsync(context);
                return;
            }
            var count = 1;
            if (context.Request.Query.TryGetValue("count", out var text) &&
                (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxGenerate))
            {
                await SimulatorHttp.WriteErrorAsync(context, StatusCodes.Status400BadRequest, "invalid_parameter",
                    $"count must be an integer from 1 to {MaxGenerate}.");
                return;
            }
            var ids = simulator.Generate(count);
            await WriteJsonAsync(context, new GenerateResult(ids.Count, ids, simulator.Count));
        });
    }

    private static Task WriteJsonAsync<TValue>(HttpContext context, TValue value)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, value, SimulatorJson.ControlOptions, context.RequestAborted);
    }

    private sealed record GenerateResult(int Generated, IReadOnlyList<string> Ids, int Count);
}
