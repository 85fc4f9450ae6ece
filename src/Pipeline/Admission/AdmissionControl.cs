using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;
using SithSynth.Domain.Requests;
using SithSynth.Pipeline.Contract;

namespace SithSynth.Pipeline.Admission;

/// <summary>
/// Budgets in bar-variations per fixed window, per caller and for everyone, spent before a new generation is scheduled:
/// past the caller's budget a 429, past the global one a 503, both with Retry-After (the window's end) and the
/// RateLimit-Policy / RateLimit headers of the IETF draft (draft-ietf-httpapi-ratelimit-headers). The caller is
/// checked first, so a client refused by its own budget spends nothing of everyone's.
/// </summary>
public sealed class AdmissionControl(AdmissionSettings settings, IAdmissionLedger ledger, TimeProvider time)
{
    public const string PolicyHeader = "RateLimit-Policy";
    public const string StateHeader = "RateLimit";

    public AdmissionSettings Settings { get; } = settings;

    /// <summary>What a request costs: its bars times its variations, with the defaults filled in.</summary>
    public static int CostOf(GenerationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (request.Bars ?? GenerationSpec.DefaultBars) * (request.Variations ?? GenerationSpec.DefaultVariations);
    }

    public async Task<AdmissionDecision> AdmitAsync(string caller, int cost, string? instance, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcTicks;
        var window = now / Settings.Window.Ticks;
        var reset = (int)Math.Max(1, Math.Ceiling(TimeSpan.FromTicks(((window + 1) * Settings.Window.Ticks) - now).TotalSeconds));
        var seconds = (int)Settings.Window.TotalSeconds;

        IReadOnlyDictionary<string, string> headers = new Dictionary<string, string>();
        if (Settings.ClientBudget > 0)
        {
            var spent = await ledger.TryConsumeAsync(ClientBucket(caller), window, cost, Settings.ClientBudget, cancellationToken).ConfigureAwait(false);
            headers = Headers("client", Settings.ClientBudget, spent.Used, reset, refused: !spent.Admitted);
            if (!spent.Admitted)
            {
                return new(ProblemDocument.RateLimited(cost, Settings.ClientBudget, seconds, reset, instance), headers);
            }
        }

        if (Settings.GlobalBudget > 0)
        {
            var everyone = await ledger.TryConsumeAsync("global", window, cost, Settings.GlobalBudget, cancellationToken).ConfigureAwait(false);
            if (!everyone.Admitted)
            {
                return new(ProblemDocument.Saturated(reset, instance), Headers("global", Settings.GlobalBudget, everyone.Used, reset, refused: true));
            }

            // What a client can act on is its own budget; everyone's is shown when it is the only one, or when it refuses.
            if (Settings.ClientBudget <= 0)
            {
                headers = Headers("global", Settings.GlobalBudget, everyone.Used, reset, refused: false);
            }
        }

        return new(null, headers);
    }

    private Dictionary<string, string> Headers(string policy, int budget, int used, int reset, bool refused)
    {
        var seconds = (int)Settings.Window.TotalSeconds;
        var headers = new Dictionary<string, string>
        {
            [PolicyHeader] = string.Create(CultureInfo.InvariantCulture, $"\"{policy}\";q={budget};w={seconds}"),
            [StateHeader] = string.Create(CultureInfo.InvariantCulture, $"\"{policy}\";r={Math.Max(0, budget - used)};t={reset}"),
        };
        if (refused)
        {
            headers[HeaderNames.RetryAfter] = reset.ToString(CultureInfo.InvariantCulture);
        }

        return headers;
    }

    /// <summary>Callers are counted under a hash of their address: the counters never hold an address.</summary>
    private static string ClientBucket(string caller) =>
        "client-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("sithsynth admission " + caller)))[..32];
}
