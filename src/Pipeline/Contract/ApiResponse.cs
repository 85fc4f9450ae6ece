using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace SithSynth.Pipeline.Contract;

/// <summary>
/// A handler's answer: status, headers and a JSON body. It is an <see cref="IResult"/>, so either host returns it as
/// is, and tests read its parts without running a server.
/// </summary>
public sealed class ApiResponse : IResult
{
    public const string JsonContentType = "application/json; charset=utf-8";
    public const string ProblemContentType = "application/problem+json; charset=utf-8";

    private ApiResponse(int status, object? body, string contentType, IReadOnlyDictionary<string, string> headers)
    {
        Status = status;
        Body = body;
        ContentType = contentType;
        Headers = headers;
    }

    public int Status { get; }

    public object? Body { get; }

    public string ContentType { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public static ApiResponse Json(int status, object? body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, body, JsonContentType, headers ?? new Dictionary<string, string>());

    public static ApiResponse Problem(ProblemDocument problem, IReadOnlyDictionary<string, string>? headers = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new(problem.Status, problem, ProblemContentType, headers ?? new Dictionary<string, string>());
    }

    /// <summary>The body as it goes over the wire.</summary>
    public byte[] BodyBytes() => Body is null ? [] : JsonSerializer.SerializeToUtf8Bytes(Body, Body.GetType(), ContractJson.Options);

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = Status;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        if (Body is not null)
        {
            response.ContentType = ContentType;
            await response.Body.WriteAsync(BodyBytes(), httpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
