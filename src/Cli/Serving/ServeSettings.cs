using System.Net;
using SithSynth.Pipeline.Admission;

namespace SithSynth.Cli.Serving;

/// <summary>What <c>sithsynth serve</c> was asked to do, checked and resolved to full paths.</summary>
internal sealed record ServeSettings(
    IReadOnlyList<Uri> Urls,
    string ModelsDirectory,
    string ArtifactsDirectory,
    string? StorageConnectionString,
    string TaskHub,
    TimeSpan LinkLifetime,
    string? WebDirectory)
{
    /// <summary>The address clients reach serve at (behind TLS or a proxy); links and the OpenAPI servers are built on it.</summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>Proxies whose X-Forwarded-For/-Proto/-Host are believed; from anyone else those headers are ignored.</summary>
    public IReadOnlySet<IPAddress> TrustedProxies { get; init; } = new HashSet<IPAddress>();

    /// <summary>Origins whose pages may call the API from a browser (CORS), as the Functions app's allowed origins.</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];

    /// <summary>Budgets per caller and for everyone; shared through Blob Storage with --storage, in this process otherwise.</summary>
    public AdmissionSettings Admission { get; init; } = new();
}
