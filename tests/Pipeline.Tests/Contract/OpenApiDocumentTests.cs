using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.OpenApi;
using SithSynth.Domain.Analysis;
using SithSynth.Domain.Generation;
using SithSynth.Domain.Requests;
using SithSynth.Pipeline.Contract;
using SithSynth.Pipeline.Handlers;
using SithSynth.Pipeline.Orchestration;

namespace SithSynth.Pipeline.Tests.Contract;

/// <summary>
/// The OpenAPI document against the code it describes: well-formed, every handler's route and nothing else, and each
/// schema naming exactly the properties, required-ness and JSON types that <see cref="ContractJson.Options"/> writes.
/// </summary>
public sealed class OpenApiDocumentTests
{
    /// <summary>The route each handler is wired to; a new handler fails <see cref="Every_handler_has_its_route_documented_and_nothing_else_is"/> until it is here and documented.</summary>
    private static readonly Dictionary<Type, (string Path, string Method)> Routes = new()
    {
        [typeof(StartGenerationHandler)] = ("/api/generations", "post"),
        [typeof(GenerationStatusHandler)] = ("/api/generations/{id}", "get"),
        [typeof(CancelGenerationHandler)] = ("/api/generations/{id}", "delete"),
        [typeof(ModelsHandler)] = ("/api/models", "get"),
        [typeof(HealthHandler)] = ("/api/health", "get"),
        [typeof(OpenApiHandler)] = ("/api/openapi.json", "get"),
    };

    /// <summary>The documented object schemas and the records whose JSON they describe.</summary>
    private static readonly Dictionary<string, Type> Documents = new()
    {
        ["GenerationAccepted"] = typeof(GenerationAccepted),
        ["GenerationStatus"] = typeof(GenerationStatusDocument),
        ["StageTiming"] = typeof(StageTiming),
        ["Variation"] = typeof(VariationDocument),
        ["Analysis"] = typeof(AnalysisSummary),
        ["VariationFiles"] = typeof(VariationFiles),
        ["FileLink"] = typeof(FileLink),
        ["GenerationFailure"] = typeof(GenerationFailure),
        ["ModelList"] = typeof(ModelListDocument),
        ["Model"] = typeof(ModelDocument),
        ["Health"] = typeof(HealthDocument),
        ["Problem"] = typeof(ProblemDocument),
    };

    [Fact]
    public void The_reference_reader_reads_it_as_openapi_3_1_without_errors_or_warnings()
    {
        var result = OpenApiDocument.Parse(File.ReadAllText(OpenApi.FilePath), "json");

        Assert.Equal(OpenApiSpecVersion.OpenApi3_1, result.Diagnostic!.SpecificationVersion);
        Assert.Empty(result.Diagnostic.Errors);
        Assert.Empty(result.Diagnostic.Warnings);
        Assert.Empty(result.Document!.Validate(ValidationRuleSet.GetDefaultRuleSet())!);
        Assert.Equal("3.1.0", OpenApi.Document.GetProperty("openapi").GetString());
    }

    [Fact]
    public void Every_reference_resolves()
    {
        var references = OpenApi.References(OpenApi.Document).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, r => OpenApi.Pointer(r.Reference));
    }

    [Fact]
    public void Every_schema_uses_only_keywords_the_checker_checks_and_requires_only_properties_it_names()
    {
        var schemas = OpenApi.AllSchemas().ToList();

        Assert.All(schemas, s => Assert.True(!OpenApi.UnknownKeywords(s.Schema).Any(), $"{s.Where}: {string.Join(", ", OpenApi.UnknownKeywords(s.Schema))}"));
        Assert.All(schemas.Where(s => s.Schema.TryGetProperty("required", out _)), s =>
            Assert.Subset(s.Schema.GetProperty("properties").EnumerateObject().Select(p => p.Name).ToHashSet(), s.Schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()!).ToHashSet()));
    }

    [Fact]
    public void Every_example_is_valid_against_its_schema()
    {
        var checkedExamples = 0;
        foreach (var (where, owner) in ExampleOwners(OpenApi.Document, "#"))
        {
            var schema = owner.GetProperty("schema");
            var examples = owner.TryGetProperty("examples", out var named)
                ? named.EnumerateObject().Select(e => (Name: e.Name, Value: OpenApi.Resolve(e.Value).GetProperty("value")))
                : [(Name: "example", Value: owner.GetProperty("example"))];
            foreach (var (name, value) in examples)
            {
                var errors = OpenApi.Check(value, schema, $"{where}/{name}");
                Assert.True(errors.Count == 0, string.Join("\n", errors));
                checkedExamples++;
            }
        }

        Assert.True(checkedExamples >= 20, $"only {checkedExamples} examples found");
    }

    [Fact]
    public void Every_handler_has_its_route_documented_and_nothing_else_is()
    {
        var handlers = typeof(ApiResponse).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(OpenApiHandler).Namespace && HandleMethod(t) is not null);

        Assert.Equal(Routes.Keys.OrderBy(t => t.Name), handlers.OrderBy(t => t.Name));
        Assert.Equal(Routes.Values.Order(), OpenApi.Operations().Order());

        // A handler that takes the id answers on the path with {id}, documented as a path parameter.
        foreach (var (handler, (path, method)) in Routes)
        {
            var takesId = HandleMethod(handler)!.GetParameters().Any(p => p.Name == "id");
            Assert.Equal(takesId, path.Contains("{id}", StringComparison.Ordinal));
            var parameters = OpenApi.Document.GetProperty("paths").GetProperty(path).TryGetProperty("parameters", out var shared)
                ? shared.EnumerateArray().Select(OpenApi.Resolve).Where(p => p.GetProperty("in").GetString() == "path").Select(p => p.GetProperty("name").GetString())
                : [];
            Assert.Equal(takesId ? ["id"] : [], parameters);
            Assert.False(string.IsNullOrEmpty(OpenApi.Operation(path, method).GetProperty("operationId").GetString()));
        }
    }

    [Fact]
    public void Every_object_schema_is_a_contract_record_or_the_request()
    {
        var objects = OpenApi.Document.GetProperty("components").GetProperty("schemas").EnumerateObject()
            .Where(s => s.Value.TryGetProperty("properties", out _))
            .Select(s => s.Name);

        Assert.Equal(Documents.Keys.Append("GenerationRequest").Append("Regenerate").Order(), objects.Order());
    }

    [Theory]
    [MemberData(nameof(DocumentNames))]
    public void A_schema_names_exactly_the_properties_the_serializer_writes_requiring_those_never_null(string schemaName)
    {
        var schema = OpenApi.Schema(schemaName);
        var contract = ContractJson.Options.GetTypeInfo(Documents[schemaName]);
        var nullability = new NullabilityInfoContext();
        var written = contract.Properties.ToDictionary(p => p.Name);

        var documented = schema.GetProperty("properties").EnumerateObject().Select(p => p.Name);
        Assert.Equal(written.Keys.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));

        // Nulls are left out of the JSON, so a property is always there exactly when its type cannot be null.
        var alwaysWritten = written.Values.Where(p => !IsNullable(p.AttributeProvider as PropertyInfo, nullability)).Select(p => p.Name);
        var required = schema.GetProperty("required").EnumerateArray().Select(r => r.GetString()!);
        Assert.Equal(alwaysWritten.Order(StringComparer.Ordinal), required.Order(StringComparer.Ordinal));
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());

        foreach (var (name, property) in written)
        {
            AssertDescribes(schema.GetProperty("properties").GetProperty(name), property.PropertyType, $"{schemaName}.{name}");
        }
    }

    [Fact]
    public void The_enums_are_the_values_the_code_writes()
    {
        Assert.Equal(Constants(typeof(GenerationStatus)), Enum(OpenApi.Schema("GenerationStatus").GetProperty("properties").GetProperty("status")));
        Assert.Equal(Constants(typeof(PipelineStage)), Enum(OpenApi.Schema("Stage")));
        Assert.Equal(System.Enum.GetValues<Density>().Select(DensityNames.Name).Order(), Enum(OpenApi.Schema("Density")));
        Assert.Equal(
            typeof(SheetFiles).GetFields().Where(f => f.IsLiteral && f.Name.EndsWith("ContentType", StringComparison.Ordinal)).Select(f => (string)f.GetRawConstantValue()!).Order(),
            Enum(OpenApi.Schema("FileLink").GetProperty("properties").GetProperty("contentType")));
        Assert.Equal(ProblemTypes(), Enum(OpenApi.Schema("Problem").GetProperty("properties").GetProperty("type")));

        // Timings are only ever taken of the four working stages.
        Assert.Equal(
            [PipelineStage.Generating, PipelineStage.Rendering, PipelineStage.Storing, PipelineStage.Validating],
            Enum(OpenApi.Schema("StageTiming").GetProperty("properties").GetProperty("stage")));
    }

    [Fact]
    public void The_idempotency_key_and_the_limits_in_prose_are_the_handlers()
    {
        var key = OpenApi.Resolve(OpenApi.Operation("/api/generations", "post").GetProperty("parameters")[0]);
        Assert.Equal(StartGenerationHandler.IdempotencyKeyHeader, key.GetProperty("name").GetString());
        Assert.Equal("header", key.GetProperty("in").GetString());
        Assert.Equal(StartGenerationHandler.MaxIdempotencyKeyLength, key.GetProperty("schema").GetProperty("maxLength").GetInt32());

        var post = OpenApi.Operation("/api/generations", "post");
        Assert.Contains($"at most {StartGenerationHandler.MaxBodyBytes} bytes", post.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Contains($"over {StartGenerationHandler.MaxBodyBytes} bytes", post.GetProperty("responses").GetProperty("413").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(StartGenerationHandler.RetryAfterSeconds, OpenApi.Resolve(post.GetProperty("responses").GetProperty("202").GetProperty("headers").GetProperty("Retry-After")).GetProperty("example").GetInt32());
    }

    [Fact]
    public void The_embedded_document_is_the_checked_in_file()
    {
        Assert.Equal(File.ReadAllBytes(OpenApi.FilePath), OpenApiHandler.Document.ToArray());
    }

    [Theory]
    [InlineData("http", "localhost:5000", "", "http://localhost:5000")]
    [InlineData("https", "sithsynth.example", "/synth", "https://sithsynth.example/synth")]
    public void The_handler_serves_the_document_as_json_with_the_answering_host_as_its_server(string scheme, string host, string pathBase, string server)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Scheme = scheme;
        context.Request.Host = new HostString(host);
        context.Request.PathBase = pathBase;
        context.Request.Path = "/api/openapi.json";

        var response = new OpenApiHandler().Handle(context.Request);

        Assert.Equal(200, response.Status);
        Assert.Equal(ApiResponse.JsonContentType, response.ContentType);
        Assert.Equal(OpenApiHandler.CacheControl, response.Headers["Cache-Control"]);
        var served = JsonNode.Parse(response.BodyBytes())!.AsObject();
        Assert.Equal(server, served["servers"]![0]!["url"]!.GetValue<string>());

        // Apart from servers, byte for byte what is checked in.
        var checkedIn = JsonNode.Parse(File.ReadAllBytes(OpenApi.FilePath))!.AsObject();
        served.Remove("servers");
        checkedIn.Remove("servers");
        Assert.True(JsonNode.DeepEquals(checkedIn, served));
    }

    public static TheoryData<string> DocumentNames() => [.. Documents.Keys];

    private static MethodInfo? HandleMethod(Type type) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance).SingleOrDefault(m => m.Name is "Handle" or "HandleAsync"
            && (m.ReturnType == typeof(ApiResponse) || m.ReturnType == typeof(Task<ApiResponse>)));

    private static bool IsNullable(PropertyInfo? property, NullabilityInfoContext context) =>
        property is null || Nullable.GetUnderlyingType(property.PropertyType) is not null || context.Create(property).ReadState == NullabilityState.Nullable;

    /// <summary>Asserts that a property's schema has the JSON type its CLR type is written as; a contract record by its named schema.</summary>
    private static void AssertDescribes(JsonElement schema, Type type, string where)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (Documents.FirstOrDefault(d => d.Value == type).Key is { } named)
        {
            Assert.True(schema.TryGetProperty("$ref", out var reference), $"{where} should refer to {named}");
            Assert.Equal($"#/components/schemas/{named}", reference.GetString());
            return;
        }

        schema = OpenApi.Resolve(schema);
        var (json, format) = type switch
        {
            _ when type == typeof(string) => ("string", null),
            _ when type == typeof(int) || type == typeof(long) => ("integer", null),
            _ when type == typeof(double) => ("number", null),
            _ when type == typeof(DateTimeOffset) => ("string", "date-time"),
            _ when type == typeof(Uri) => ("string", "uri"),
            _ when type == typeof(JsonObject) || type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>) => ("object", null),
            _ when type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) => ("array", null),
            _ => throw new NotSupportedException($"{where}: no JSON type known for {type}."),
        };
        Assert.True(json == schema.GetProperty("type").GetString(), $"{where} is written as {json}");
        Assert.True(format == (schema.TryGetProperty("format", out var f) ? f.GetString() : null), $"{where} has format {format}");
        if (json == "array")
        {
            AssertDescribes(schema.GetProperty("items"), type.GetGenericArguments()[0], $"{where}[]");
        }
        else if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
        {
            Assert.Equal(typeof(string), type.GetGenericArguments()[0]);
            AssertDescribes(schema.GetProperty("additionalProperties"), type.GetGenericArguments()[1], $"{where}{{}}");
        }
    }

    private static IEnumerable<(string Where, JsonElement Owner)> ExampleOwners(JsonElement element, string where)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("schema", out _) && (element.TryGetProperty("example", out _) || element.TryGetProperty("examples", out _)))
            {
                yield return (where, element);
            }

            foreach (var property in element.EnumerateObject().Where(p => p.Name is not ("schema" or "example" or "examples")))
            {
                foreach (var found in ExampleOwners(property.Value, $"{where}/{property.Name}"))
                {
                    yield return found;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var found in element.EnumerateArray().SelectMany((item, i) => ExampleOwners(item, $"{where}/{i}")))
            {
                yield return found;
            }
        }
    }

    private static IEnumerable<string> Enum(JsonElement schema) => schema.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).Order();

    private static IEnumerable<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order();

    /// <summary>The type of the problem each factory of <see cref="ProblemDocument"/> makes, called with stand-in arguments.</summary>
    private static IEnumerable<string> ProblemTypes() =>
        typeof(ProblemDocument).GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(ProblemDocument))
            .Select(m => ((ProblemDocument)m.Invoke(null, [.. m.GetParameters().Select(StandIn)])!).Type)
            .Order();

    private static object? StandIn(ParameterInfo parameter) => parameter.ParameterType switch
    {
        var t when t == typeof(string) => parameter.HasDefaultValue ? null : "x",
        var t when t == typeof(long) => 1L,
        var t when t == typeof(int) => 1,
        var t when t == typeof(IEnumerable<RequestProblem>) => new[] { new RequestProblem("bars", "x") },
        var t => throw new NotSupportedException($"No stand-in for {t}."),
    };
}
