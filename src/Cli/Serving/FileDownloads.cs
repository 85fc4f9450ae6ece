using Microsoft.AspNetCore.Http;
using SithSynth.Pipeline.Artifacts;
using SithSynth.Pipeline.Contract;

namespace SithSynth.Cli.Serving;

/// <summary>
/// GET /api/files/{name}: the local store's signed links. Like a Blob SAS, a link opens exactly its one file until its
/// expiry and nothing else: an unknown name is 404, a forged or expired link 403, and only GET and HEAD are answered.
/// </summary>
internal sealed class FileDownloads(LocalFolderArtifactStore store, TimeProvider time)
{
    public const string Route = "/api/files";

    public IResult Handle(HttpRequest request, string name)
    {
        var instance = request.Path.Value;
        var path = ArtifactName.TryParse(name, out var artifact) ? store.PathOf(artifact) : null;
        if (path is null || !File.Exists(path))
        {
            return ApiResponse.Problem(ServeProblems.NoSuchFile(name, instance));
        }

        var verdict = store.Signer.Verify(artifact.Value, request.Query[LinkSigner.ExpiresParameter], request.Query[LinkSigner.SignatureParameter], time.GetUtcNow());
        if (verdict != LinkVerdict.Valid)
        {
            return ApiResponse.Problem(ServeProblems.LinkRefused(verdict, instance));
        }

        // Signed links are personal and short-lived: no shared cache may keep the file.
        request.HttpContext.Response.Headers.CacheControl = "private, no-store";
        return Results.File(path, artifact.ContentType, artifact.DownloadFileName, enableRangeProcessing: true);
    }
}
