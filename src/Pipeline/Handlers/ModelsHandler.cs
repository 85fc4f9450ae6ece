using Microsoft.AspNetCore.Http;
using SithSynth.Domain.Models;
using SithSynth.Pipeline.Contract;

namespace SithSynth.Pipeline.Handlers;

/// <summary>GET /api/models: every model on offer with its card, so a client can offer only the meters and lengths it supports.</summary>
public sealed class ModelsHandler(ModelCatalog catalog)
{
    public ApiResponse Handle() =>
        ApiResponse.Json(StatusCodes.Status200OK, new ModelListDocument([.. catalog.Cards.Select(ModelDocument.Of)]));
}
