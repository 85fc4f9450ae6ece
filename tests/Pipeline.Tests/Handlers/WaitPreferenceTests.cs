using Microsoft.AspNetCore.Http;
using SithSynth.Pipeline.Handlers;

namespace SithSynth.Pipeline.Tests.Handlers;

public sealed class WaitPreferenceTests
{
    [Theory]
    [InlineData("wait=10", 10)]
    [InlineData("WAIT=3", 3)]
    [InlineData("respond-async, wait=5", 5)]
    [InlineData("wait=\"7\"", 7)]
    [InlineData("wait=4; foo=bar", 4)]
    [InlineData(" wait = 6 ", 6)]
    [InlineData("wait=600", WaitPreference.MaxSeconds)]
    [InlineData("wait=99999999999999999999", WaitPreference.MaxSeconds)]
    [InlineData("wait=2, wait=9", 2)]
    public void A_readable_wait_is_honoured_up_to_the_cap(string prefer, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), WaitPreference.Of(Request(prefer)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("respond-async")]
    [InlineData("return=minimal")]
    [InlineData("wait=0")]
    [InlineData("wait=-3")]
    [InlineData("wait=1.5")]
    [InlineData("wait=soon")]
    [InlineData("wait=")]
    [InlineData("waiting=5")]
    public void No_wait_or_an_unreadable_one_is_ignored(string prefer)
    {
        Assert.Null(WaitPreference.Of(Request(prefer)));
    }

    [Fact]
    public void Without_a_Prefer_header_there_is_no_wait()
    {
        Assert.Null(WaitPreference.Of(new DefaultHttpContext().Request));
    }

    [Fact]
    public void Several_Prefer_headers_are_one_list()
    {
        var request = new DefaultHttpContext().Request;
        request.Headers[WaitPreference.PreferHeader] = new Microsoft.Extensions.Primitives.StringValues(["respond-async", "wait=8"]);

        Assert.Equal(TimeSpan.FromSeconds(8), WaitPreference.Of(request));
    }

    private static HttpRequest Request(string prefer)
    {
        var request = new DefaultHttpContext().Request;
        request.Headers[WaitPreference.PreferHeader] = prefer;
        return request;
    }
}
