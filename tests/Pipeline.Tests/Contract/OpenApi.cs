using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SithSynth.Pipeline.Tests.Contract;

/// <summary>
/// The checked-in OpenAPI document (src/Pipeline/Contract/openapi.json) with the few look-ups the contract tests need:
/// its operations and responses, <c>$ref</c> resolution, and a JSON Schema checker for the keywords the document uses.
/// </summary>
internal static partial class OpenApi
{
    public static readonly string FilePath = System.IO.Path.Combine(RepositoryRoot.Path, "src", "Pipeline", "Contract", "openapi.json");

    public static readonly string[] Methods = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

    // Keywords that only describe; everything else a schema says must be checked, or the checker refuses it.
    private static readonly HashSet<string> Annotations = ["description", "default", "examples", "title"];

    private static readonly HashSet<string> Assertions =
    [
        "$ref", "type", "enum", "properties", "required", "additionalProperties", "items", "minItems", "maxItems",
        "minimum", "maximum", "exclusiveMinimum", "minLength", "maxLength", "pattern", "format", "oneOf", "allOf",
    ];

    public static JsonElement Document { get; } = Load();

    public static JsonElement Schema(string name) => Document.GetProperty("components").GetProperty("schemas").GetProperty(name);

    /// <summary>Every operation as (path, method), e.g. ("/api/generations", "post").</summary>
    public static IEnumerable<(string Path, string Method)> Operations() =>
        from path in Document.GetProperty("paths").EnumerateObject()
        from member in path.Value.EnumerateObject()
        where Methods.Contains(member.Name)
        select (path.Name, member.Name);

    /// <summary>Every documented response as "METHOD path status", e.g. "POST /api/generations 202".</summary>
    public static IEnumerable<string> Responses() =>
        from operation in Operations()
        from response in Operation(operation.Path, operation.Method).GetProperty("responses").EnumerateObject()
        select Response(operation.Path, operation.Method, response.Name);

    public static string Response(string path, string method, string status) =>
        $"{method.ToUpperInvariant()} {path} {status}";

    public static JsonElement Operation(string path, string method) =>
        Document.GetProperty("paths").GetProperty(path).GetProperty(method);

    /// <summary>Follows a reference object to what it names (several hops if need be); anything else is returned as is.</summary>
    public static JsonElement Resolve(JsonElement element)
    {
        while (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("$ref", out var reference))
        {
            element = Pointer(reference.GetString()!);
        }

        return element;
    }

    /// <summary>The element a local reference such as <c>#/components/schemas/Problem</c> points at.</summary>
    public static JsonElement Pointer(string reference)
    {
        if (!reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"'{reference}' is not a reference inside the document.");
        }

        var element = Document;
        foreach (var raw in reference[2..].Split('/'))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(token, out element))
            {
                throw new InvalidOperationException($"'{reference}' points at nothing (no '{token}').");
            }
        }

        return element;
    }

    /// <summary>Every <c>$ref</c> anywhere in the document, with the JSON path where it stands.</summary>
    public static IEnumerable<(string Where, string Reference)> References(JsonElement element, string where = "#")
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name == "$ref")
                    {
                        yield return (where, property.Value.GetString()!);
                    }
                    else
                    {
                        foreach (var found in References(property.Value, $"{where}/{property.Name}"))
                        {
                            yield return found;
                        }
                    }
                }

                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    foreach (var found in References(item, string.Create(CultureInfo.InvariantCulture, $"{where}/{index++}")))
                    {
                        yield return found;
                    }
                }

                break;
        }
    }

    /// <summary>Every schema object in the document: the named ones, those of parameters, headers and media types, and all they nest.</summary>
    public static IEnumerable<(string Where, JsonElement Schema)> AllSchemas()
    {
        var roots = new List<(string, JsonElement)>();
        foreach (var schema in Document.GetProperty("components").GetProperty("schemas").EnumerateObject())
        {
            roots.Add(($"#/components/schemas/{schema.Name}", schema.Value));
        }

        void FromOwners(string where, JsonElement owner)
        {
            foreach (var found in Owned(owner, where))
            {
                roots.Add(found);
            }
        }

        FromOwners("#/paths", Document.GetProperty("paths"));
        FromOwners("#/components/parameters", Document.GetProperty("components").GetProperty("parameters"));
        FromOwners("#/components/headers", Document.GetProperty("components").GetProperty("headers"));
        FromOwners("#/components/responses", Document.GetProperty("components").GetProperty("responses"));
        return roots.SelectMany(r => Nested(r.Item1, r.Item2));
    }

    /// <summary>The schemas under "schema" keys (parameters, headers, media types) below an element, not inside other schemas.</summary>
    private static IEnumerable<(string, JsonElement)> Owned(JsonElement element, string where)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                foreach (var found in Owned(item, string.Create(CultureInfo.InvariantCulture, $"{where}/{index++}")))
                {
                    yield return found;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "schema")
                {
                    yield return ($"{where}/schema", property.Value);
                }
                else if (property.Name is not ("example" or "examples"))
                {
                    foreach (var found in Owned(property.Value, $"{where}/{property.Name}"))
                    {
                        yield return found;
                    }
                }
            }
        }
    }

    private static IEnumerable<(string, JsonElement)> Nested(string where, JsonElement schema)
    {
        yield return (where, schema);
        var children = new List<(string, JsonElement)>();
        if (schema.TryGetProperty("properties", out var properties))
        {
            children.AddRange(properties.EnumerateObject().Select(p => ($"{where}/properties/{p.Name}", p.Value)));
        }

        foreach (var single in new[] { "items", "additionalProperties" })
        {
            if (schema.TryGetProperty(single, out var child) && child.ValueKind == JsonValueKind.Object)
            {
                children.Add(($"{where}/{single}", child));
            }
        }

        foreach (var list in new[] { "oneOf", "allOf" })
        {
            if (schema.TryGetProperty(list, out var branches))
            {
                children.AddRange(branches.EnumerateArray().Select((b, i) => (string.Create(CultureInfo.InvariantCulture, $"{where}/{list}/{i}"), b)));
            }
        }

        foreach (var (path, child) in children)
        {
            foreach (var found in Nested(path, child))
            {
                yield return found;
            }
        }
    }

    /// <summary>The keywords of a schema that the checker would neither check nor ignore as annotations.</summary>
    public static IEnumerable<string> UnknownKeywords(JsonElement schema) =>
        schema.EnumerateObject().Select(p => p.Name).Where(k => !Assertions.Contains(k) && !Annotations.Contains(k));

    /// <summary>Where <paramref name="value"/> breaks <paramref name="schema"/>, one message each; empty when it is valid.</summary>
    public static IReadOnlyList<string> Check(JsonElement value, JsonElement schema, string where = "$")
    {
        var errors = new List<string>();
        Check(value, schema, where, errors);
        return errors;
    }

    private static void Check(JsonElement value, JsonElement schema, string where, List<string> errors)
    {
        if (schema.ValueKind == JsonValueKind.True)
        {
            return;
        }

        if (schema.ValueKind == JsonValueKind.False)
        {
            errors.Add($"{where}: nothing is allowed here.");
            return;
        }

        void Error(string message) => errors.Add($"{where}: {message}");
        foreach (var keyword in schema.EnumerateObject())
        {
            var rule = keyword.Value;
            switch (keyword.Name)
            {
                case "$ref":
                    Check(value, Pointer(rule.GetString()!), where, errors);
                    break;
                case "type":
                    var types = rule.ValueKind == JsonValueKind.Array ? rule.EnumerateArray().Select(t => t.GetString()!).ToList() : [rule.GetString()!];
                    if (!types.Any(t => IsOfType(value, t)))
                    {
                        Error($"{Describe(value)} is not of type {string.Join(" or ", types)}.");
                    }

                    break;
                case "enum":
                    if (!rule.EnumerateArray().Any(e => JsonElement.DeepEquals(e, value)))
                    {
                        Error($"{value.GetRawText()} is not one of {rule.GetRawText()}.");
                    }

                    break;
                case "properties" when value.ValueKind == JsonValueKind.Object:
                    foreach (var property in rule.EnumerateObject())
                    {
                        if (value.TryGetProperty(property.Name, out var child))
                        {
                            Check(child, property.Value, $"{where}.{property.Name}", errors);
                        }
                    }

                    break;
                case "required" when value.ValueKind == JsonValueKind.Object:
                    foreach (var name in rule.EnumerateArray().Select(n => n.GetString()!))
                    {
                        if (!value.TryGetProperty(name, out _))
                        {
                            Error($"'{name}' is required but missing.");
                        }
                    }

                    break;
                case "additionalProperties" when value.ValueKind == JsonValueKind.Object:
                    var named = schema.TryGetProperty("properties", out var declared) ? declared.EnumerateObject().Select(p => p.Name).ToHashSet() : [];
                    foreach (var property in value.EnumerateObject().Where(p => !named.Contains(p.Name)))
                    {
                        if (rule.ValueKind == JsonValueKind.False)
                        {
                            Error($"'{property.Name}' is not a documented property.");
                        }
                        else
                        {
                            Check(property.Value, rule, $"{where}.{property.Name}", errors);
                        }
                    }

                    break;
                case "items" when value.ValueKind == JsonValueKind.Array:
                    var index = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Check(item, rule, string.Create(CultureInfo.InvariantCulture, $"{where}[{index++}]"), errors);
                    }

                    break;
                case "minItems" when value.ValueKind == JsonValueKind.Array && value.GetArrayLength() < rule.GetInt32():
                    Error($"has {value.GetArrayLength()} items, fewer than {rule.GetInt32()}.");
                    break;
                case "maxItems" when value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > rule.GetInt32():
                    Error($"has {value.GetArrayLength()} items, more than {rule.GetInt32()}.");
                    break;
                case "minimum" when value.ValueKind == JsonValueKind.Number && Compare(value, rule) < 0:
                    Error($"{value.GetRawText()} is less than {rule.GetRawText()}.");
                    break;
                case "maximum" when value.ValueKind == JsonValueKind.Number && Compare(value, rule) > 0:
                    Error($"{value.GetRawText()} is more than {rule.GetRawText()}.");
                    break;
                case "exclusiveMinimum" when value.ValueKind == JsonValueKind.Number && Compare(value, rule) <= 0:
                    Error($"{value.GetRawText()} is not more than {rule.GetRawText()}.");
                    break;
                case "minLength" when value.ValueKind == JsonValueKind.String && value.GetString()!.Length < rule.GetInt32():
                    Error($"is shorter than {rule.GetInt32()} characters.");
                    break;
                case "maxLength" when value.ValueKind == JsonValueKind.String && value.GetString()!.Length > rule.GetInt32():
                    Error($"is longer than {rule.GetInt32()} characters.");
                    break;
                case "pattern" when value.ValueKind == JsonValueKind.String && !Regex.IsMatch(value.GetString()!, rule.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1)):
                    Error($"'{value.GetString()}' does not match {rule.GetString()}.");
                    break;
                case "format" when value.ValueKind == JsonValueKind.String && !HasFormat(value.GetString()!, rule.GetString()!):
                    Error($"'{value.GetString()}' is not a {rule.GetString()}.");
                    break;
                case "oneOf":
                    var matching = rule.EnumerateArray().Count(branch => Check(value, branch, where).Count == 0);
                    if (matching != 1)
                    {
                        Error($"{Describe(value)} matches {matching} of the oneOf branches, not exactly one.");
                    }

                    break;
                case "allOf":
                    foreach (var branch in rule.EnumerateArray())
                    {
                        Check(value, branch, where, errors);
                    }

                    break;
                case var name when Assertions.Contains(name) || Annotations.Contains(name):
                    // An assertion that does not apply to this kind of value, or an annotation.
                    break;
                default:
                    throw new NotSupportedException($"The schema checker does not know the keyword '{keyword.Name}' (at {where}).");
            }
        }
    }

    private static bool IsOfType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "number" => value.ValueKind == JsonValueKind.Number,
        // JSON Schema: an integer is any number without a fractional part (so 2.0 is one).
        "integer" => value.ValueKind == JsonValueKind.Number
            && (value.TryGetDecimal(out var d) ? decimal.Truncate(d) == d : double.IsInteger(value.GetDouble())),
        _ => throw new NotSupportedException($"Unknown type '{type}'."),
    };

    private static int Compare(JsonElement value, JsonElement bound) =>
        value.TryGetDecimal(out var v) && bound.TryGetDecimal(out var b) ? v.CompareTo(b) : value.GetDouble().CompareTo(bound.GetDouble());

    private static bool HasFormat(string text, string format) => format switch
    {
        "uri" => Uri.TryCreate(text, UriKind.Absolute, out _),
        "date-time" => DateTime().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, out _),
        _ => throw new NotSupportedException($"Unknown format '{format}'."),
    };

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => value.GetRawText(),
    };

    // RFC 3339 date-time, as JSON Schema's format defines it.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTime();

    private static JsonElement Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(FilePath));
        return document.RootElement.Clone();
    }
}
