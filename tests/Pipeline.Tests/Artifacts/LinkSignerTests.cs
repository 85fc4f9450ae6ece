using System.Web;
using SithSynth.Pipeline.Artifacts;

namespace SithSynth.Pipeline.Tests.Artifacts;

public sealed class LinkSignerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 22, 0, 0, TimeSpan.Zero);
    private readonly LinkSigner _signer = LinkSigner.WithNewKey();

    [Fact]
    public void A_signed_link_is_valid_until_it_expires_and_then_expired()
    {
        var (expires, sig) = Query(_signer.Sign("abc/1/leadsheet.mid", Now.AddMinutes(10)));

        Assert.Equal(LinkVerdict.Valid, _signer.Verify("abc/1/leadsheet.mid", expires, sig, Now));
        Assert.Equal(LinkVerdict.Expired, _signer.Verify("abc/1/leadsheet.mid", expires, sig, Now.AddMinutes(10)));
    }

    [Fact]
    public void A_link_opens_only_its_own_file_until_its_own_time()
    {
        var (expires, sig) = Query(_signer.Sign("abc/1/leadsheet.mid", Now.AddMinutes(10)));

        Assert.Equal(LinkVerdict.Forged, _signer.Verify("abc/2/leadsheet.mid", expires, sig, Now));
        Assert.Equal(LinkVerdict.Forged, _signer.Verify("abc/1/leadsheet.mid", (long.Parse(expires!, System.Globalization.CultureInfo.InvariantCulture) + 3600).ToString(System.Globalization.CultureInfo.InvariantCulture), sig, Now));
        Assert.Equal(LinkVerdict.Forged, LinkSigner.WithNewKey().Verify("abc/1/leadsheet.mid", expires, sig, Now));
        Assert.Equal(LinkVerdict.Forged, _signer.Verify("abc/1/leadsheet.mid", null, sig, Now));
        Assert.Equal(LinkVerdict.Forged, _signer.Verify("abc/1/leadsheet.mid", expires, null, Now));
        Assert.Equal(LinkVerdict.Forged, _signer.Verify("abc/1/leadsheet.mid", "-5", sig, Now));
    }

    [Fact]
    public void A_short_key_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new LinkSigner(new byte[16]));
    }

    private static (string? Expires, string? Sig) Query(string query)
    {
        var values = HttpUtility.ParseQueryString(query);
        return (values[LinkSigner.ExpiresParameter], values[LinkSigner.SignatureParameter]);
    }
}
