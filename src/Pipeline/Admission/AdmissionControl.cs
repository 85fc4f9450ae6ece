using System.Globalization;
using Microsoft.Net.Http.Headers;
using SithSynth.Domain.Requests;
using SithSynth.Pipeline.Access;
using SithSynth.Pipeline.Contract;

namespace SithSynth.Pipeline.Admission;

/// <summary>
/// Limits spent before a new generation is scheduled, in bar-variations: the caller's generations in flight (a cap,
/// 429, so one caller cannot fill the dispatcher however its requests are spread over the window), the caller's budget
/// per fixed window (429) and everyone's (503). Refusals carry Retry-After and the RateLimit-Policy / RateLimit headers
/// of the IETF draft (draft-ietf-httpapi-ratelimit-headers). The caller is checked first, so a client refused by its
/// own limits spends nothing of everyone's, and a hold taken for a request refused later is let go. A caller with an
/// API key (<see cref="Keys"/>) is counted by its key, under the key limits.
/// </summary>
public sealed class AdmissionControl(AdmissionSettings settings, AdmissionLedger ledger, TimeProvider time, ApiKeyRing? keys = null)
{
    public const string PolicyHeader = "RateLimit-Policy";
    public const string StateHeader = "RateLimit";

    public AdmissionSettings Settings { get; } = settings;

    /// <summary>The API keys that give a caller the key limits; without them every caller is anonymous.</summary>
    public ApiKeyRing? Keys { get; } = keys;

    /// <summary>What a request costs: its bars times its variations, with the defaults filled in.</summary>
    public static int CostOf(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (request.Bars ?? GenerationSpec.DefaultBars) * (request.Variations ?? GenerationSpec.DefaultVariations);
    }

    /// <summary>Admits or refuses; with a <paramref name="claim"/> the generation is also held against the caller's in-flight cap.</summary>
    public async Task<AdmissionDecision> AdmitAsync(AdmissionCaller caller, int cost, string? instance, InFlightClaim? claim = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var now = time.GetUtcNow().UtcTicks;
        var window = now / Settings.Window.Ticks;
        var reset = (int)Math.Max(1, Math.Ceiling(TimeSpan.FromTicks(((window + 1) * Settings.Window.Ticks) - now).TotalSeconds));
        var seconds = (int)Settings.Window.TotalSeconds;
        var states = new List<(string Policy, string State)>();

        var cap = Settings.InFlightFor(caller);
        var held = false;
        if (cap > 0 && claim is not null)
        {
            var hold = await ledger.TryHoldAsync(InFlightBucket(caller), new InFlightHold(claim.GenerationId, cost, now), cap, claim.StateOf, cancellationToken).ConfigureAwait(false);
            var inFlight = InFlightState(cap, hold.Used);
            if (!hold.Admitted)
            {
                return Refusal(ProblemDocument.InFlightLimited(cost, hold.Used, cap, AdmissionSettings.InFlightRetryAfterSeconds, instance), [inFlight], AdmissionSettings.InFlightRetryAfterSeconds);
            }

            held = true;
            states.Add(inFlight);
        }

        var budget = Settings.BudgetFor(caller);
        if (budget > 0)
        {
            var spent = await ledger.TryConsumeAsync(caller.Bucket, window, cost, budget, cancellationToken).ConfigureAwait(false);
            var client = WindowState("client", budget, spent.Used, reset);
            if (!spent.Admitted)
            {
                await LetGoAsync(held, caller, claim, cancellationToken).ConfigureAwait(false);
                return Refusal(ProblemDocument.RateLimited(cost, budget, seconds, reset, instance), [client], reset);
            }

            states.Insert(0, client);
        }

        if (Settings.GlobalBudget > 0)
        {
            var everyone = await ledger.TryConsumeAsync("global", window, cost, Settings.GlobalBudget, cancellationToken).ConfigureAwait(false);
            var global = WindowState("global", Settings.GlobalBudget, everyone.Used, reset);
            if (!everyone.Admitted)
            {
                await LetGoAsync(held, caller, claim, cancellationToken).ConfigureAwait(false);
                return Refusal(ProblemDocument.Saturated(reset, instance), [global], reset);
            }

            // What a client can act on is its own limits; everyone's is shown when it is the only one, or when it refuses.
            if (states.Count == 0)
            {
                states.Add(global);
            }
        }

        return new(null, Headers(states));
    }

    private async Task LetGoAsync(bool held, AdmissionCaller caller, InFlightClaim? claim, CancellationToken cancellationToken)
    {
        if (held)
        {
            await ledger.ReleaseAsync(InFlightBucket(caller), claim!.GenerationId, cancellationToken).ConfigureAwait(false);
        }
    }

    private (string Policy, string State) WindowState(string policy, int budget, int used, int reset) => (
        string.Create(CultureInfo.InvariantCulture, $"\"{policy}\";q={budget};w={(int)Settings.Window.TotalSeconds}"),
        string.Create(CultureInfo.InvariantCulture, $"\"{policy}\";r={Math.Max(0, budget - used)};t={reset}"));

    /// <summary>A concurrency quota has no window (draft: a policy without w); what is left frees up as generations finish.</summary>
    private static (string Policy, string State) InFlightState(int cap, int used) => (
        string.Create(CultureInfo.InvariantCulture, $"\"in-flight\";q={cap}"),
        string.Create(CultureInfo.InvariantCulture, $"\"in-flight\";r={Math.Max(0, cap - used)}"));

    private static AdmissionDecision Refusal(ProblemDocument problem, List<(string Policy, string State)> states, int retryAfter)
    {
        var headers = Headers(states);
        headers[HeaderNames.RetryAfter] = retryAfter.ToString(CultureInfo.InvariantCulture);
        return new(problem, headers);
    }

    private static Dictionary<string, string> Headers(List<(string Policy, string State)> states) => states.Count == 0
        ? []
        : new()
        {
            [PolicyHeader] = string.Join(", ", states.Select(s => s.Policy)),
            [StateHeader] = string.Join(", ", states.Select(s => s.State)),
        };

    private static string InFlightBucket(AdmissionCaller caller) => "inflight-" + caller.Bucket;
}
