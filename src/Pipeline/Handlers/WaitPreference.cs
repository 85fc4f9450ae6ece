using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace SithSynth.Pipeline.Handlers;

/// <summary>
/// RFC 7240 <c>Prefer: wait=N</c>: the client would rather hold the connection up to N seconds for the finished
/// answer than poll. A 16-bar generation takes about a tenth of a second, so a client that asks gets its sheets in
/// one round trip. Preferences that cannot be read are ignored, as the RFC asks; the wait is capped so a request
/// never ties up a worker (or the Functions front end's 230 s limit).
/// </summary>
public static class WaitPreference
{
    public const string PreferHeader = "Prefer";

    /// <summary>The longest wait honoured; a longer one is cut to this.</summary>
    public const int MaxSeconds = 20;

    /// <summary>The wait the request asks for, or null when it asks for none (or for zero seconds).</summary>
    public static TimeSpan? Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Headers.TryGetValue(PreferHeader, out var headers))
        {
            return null;
        }

        // Several Prefer headers and comma-separated preferences are one list; the first "wait" counts.
        foreach (var header in headers)
        {
            foreach (var preference in (header ?? "").Split(','))
            {
                var token = preference.Split(';')[0];
                var equals = token.IndexOf('=', StringComparison.Ordinal);
                if (equals < 0 || !token[..equals].Trim().Equals("wait", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var value = token[(equals + 1)..].Trim().Trim('"');
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                {
                    // An unreadable wait is ignored; the digits of one too long for an int are still a long wait.
                    return value.Length > 0 && value.All(char.IsAsciiDigit) ? TimeSpan.FromSeconds(MaxSeconds) : null;
                }

                return seconds == 0 ? null : TimeSpan.FromSeconds(Math.Min(seconds, MaxSeconds));
            }
        }

        return null;
    }
}
