using System.Net;
using Microsoft.AspNetCore.Http;

namespace SithSynth.Functions.Tests;

public sealed class PublicAddressTests
{
    [Fact]
    public void A_foreign_host_header_is_replaced_by_the_apps_own_host_name_over_https()
    {
        var request = Request("evil.example");

        PublicAddress.From(KnownSettings.Configuration(new Dictionary<string, string> { [AppSettings.HostName] = "func-sithsynth.azurewebsites.net" })).Apply(request);

        Assert.Equal(("https", "func-sithsynth.azurewebsites.net"), (request.Scheme, request.Host.Value));
    }

    [Fact]
    public void A_configured_public_base_url_wins_path_and_all()
    {
        var request = Request("evil.example");
        var settings = new Dictionary<string, string>
        {
            [KnownSettings.AsAppSetting(AppSettings.PublicBaseUrl)] = "https://music.example.org/sith",
            [AppSettings.HostName] = "func-sithsynth.azurewebsites.net",
        };

        PublicAddress.From(KnownSettings.Configuration(settings)).Apply(request);

        Assert.Equal(("https", "music.example.org", "/sith"), (request.Scheme, request.Host.Value, request.PathBase.Value));
    }

    [Theory]
    [InlineData("203.0.113.7:51234", "203.0.113.7")]
    [InlineData("198.51.100.66, 203.0.113.7", "203.0.113.7")]
    [InlineData("[2001:db8::1]:443", "2001:db8::1")]
    public void The_caller_is_the_entry_the_platform_appended_last(string forwardedFor, string caller)
    {
        var request = Request("x");
        request.Headers["X-Forwarded-For"] = forwardedFor;

        PublicAddress.From(KnownSettings.Configuration([])).Apply(request);

        Assert.Equal(IPAddress.Parse(caller), request.HttpContext.Connection.RemoteIpAddress);
    }

    private static HttpRequest Request(string host)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = "http";
        context.Request.Host = new HostString(host);
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        return context.Request;
    }
}
