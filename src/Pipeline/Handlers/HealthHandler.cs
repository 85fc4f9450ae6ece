using System.Reflection;
using Microsoft.AspNetCore.Http;
using SithSynth.Domain.Models;
using SithSynth.Pipeline.Contract;

namespace SithSynth.Pipeline.Handlers;

/// <summary>GET /api/health: liveness with the build's version and the number of usable models (503 when there are none).</summary>
public sealed class HealthHandler(ModelCatalog catalog)
{
    public static string Version { get; } =
        typeof(HealthHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public ApiResponse Handle()
    {
        var models = catalog.Cards.Count;
        return models > 0
            ? ApiResponse.Json(StatusCodes.Status200OK, new HealthDocument("ok", Version, models))
            : ApiResponse.Json(StatusCodes.Status503ServiceUnavailable, new HealthDocument("no models", Version, 0));
    }
}
