using SithSynth.Domain.Models;

namespace SithSynth.Pipeline.Tests;

/// <summary>The shipped models, loaded once for the whole test run as a worker process would (sessions shared, thread-safe).</summary>
internal static class ShippedModels
{
    public static ModelCatalog Catalog { get; } = ModelCatalog.Load(ModelCatalog.DefaultDirectory);
}
