using System.Security.Cryptography;
using Microsoft.DurableTask;
using SithSynth.Domain.Models;
using SithSynth.Domain.Requests;

namespace SithSynth.Pipeline.Orchestration;

/// <summary>
/// Validates the request against the models on offer and settles it: defaults filled in and, when the client gave
/// none, a fresh seed. Choosing the seed here (not in the orchestrator) keeps the orchestrator deterministic: the
/// activity's answer is recorded once and replayed.
/// </summary>
public sealed class ValidateRequestActivity(ModelCatalog catalog) : TaskActivity<GenerationRequest, ValidationOutcome>
{
    public override Task<ValidationOutcome> RunAsync(TaskActivityContext context, GenerationRequest input) => ExecuteAsync(input);

    /// <summary>The activity's work, for hosts that bind activities as functions (the Functions app) rather than register them.</summary>
    public Task<ValidationOutcome> ExecuteAsync(GenerationRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var validation = GenerationRequestValidator.Validate(input, catalog.Cards, NewSeed);
        return Task.FromResult(validation.Spec is { } spec
            ? new ValidationOutcome(SettledRequest.From(spec), [])
            : new ValidationOutcome(null, validation.Problems));
    }

    private static ulong NewSeed() => BitConverter.ToUInt64(RandomNumberGenerator.GetBytes(sizeof(ulong)));
}
