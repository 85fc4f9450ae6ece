using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace SithSynth.Pipeline.Artifacts;

/// <summary>
/// Hands out a user delegation key good for at least a given moment. Asking Entra-backed storage for a key is a round
/// trip per call, so one key (valid a day, the service allows seven) signs every link until it gets close to expiry.
/// Concurrent callers share one pending request.
/// </summary>
internal sealed class DelegationKeySource(BlobServiceClient service, TimeProvider time)
{
    private static readonly TimeSpan KeyLifetime = TimeSpan.FromDays(1);

    // Storage refuses a key whose start lies ahead of its own clock; starting a little in the past absorbs skew.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly Lock _lock = new();
    private Task<UserDelegationKey>? _key;

    public async Task<UserDelegationKey> KeyValidUntilAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        var key = await Current(until, renew: false).WaitAsync(cancellationToken).ConfigureAwait(false);
        return key.SignedExpiresOn >= until
            ? key
            : await Current(until, renew: true).WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private Task<UserDelegationKey> Current(DateTimeOffset until, bool renew)
    {
        lock (_lock)
        {
            if (renew || _key is null || _key.IsFaulted || _key.IsCanceled || (_key.IsCompletedSuccessfully && _key.Result.SignedExpiresOn < until))
            {
                _key = RequestAsync(until);
            }

            return _key;
        }
    }

    private async Task<UserDelegationKey> RequestAsync(DateTimeOffset until)
    {
        var now = time.GetUtcNow();
        var expires = now + (until - now > KeyLifetime ? until - now : KeyLifetime);

        // Not tied to one caller's cancellation: the key is shared by every caller waiting for it.
        return (await service.GetUserDelegationKeyAsync(now - ClockSkew, expires, CancellationToken.None).ConfigureAwait(false)).Value;
    }
}
