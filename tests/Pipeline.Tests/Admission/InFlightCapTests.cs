using SithSynth.Pipeline.Admission;

namespace SithSynth.Pipeline.Tests.Admission;

/// <summary>A caller's generations in flight, in bar-variations: a cap refuses past it (429) until the engine says one has finished.</summary>
public sealed class InFlightCapTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 10, 0, 20, TimeSpan.Zero);

    private readonly Dictionary<string, HeldState> _engine = [];

    [Fact]
    public async Task A_caller_at_its_cap_gets_429_with_retry_after_and_in_flight_headers_until_a_generation_finishes()
    {
        var admission = Control(inFlight: 320, out _);
        var caller = AdmissionCaller.Anonymous("198.51.100.7");

        var first = await admission.AdmitAsync(caller, 320, null, Claim("g1"));
        Assert.True(first.Admitted);
        Assert.Equal("\"client\";q=100000;w=60, \"in-flight\";q=320", first.Headers["RateLimit-Policy"]);
        Assert.Equal("\"client\";r=99680;t=40, \"in-flight\";r=0", first.Headers["RateLimit"]);

        var refused = await admission.AdmitAsync(caller, 16, "/api/generations", Claim("g2"));
        Assert.Equal(429, refused.Refusal!.Status);
        Assert.Equal("urn:sithsynth:problem:too-many-in-flight", refused.Refusal.Type);
        Assert.Equal("2", refused.Headers["Retry-After"]);
        Assert.Equal("\"in-flight\";q=320", refused.Headers["RateLimit-Policy"]);
        Assert.Equal("\"in-flight\";r=0", refused.Headers["RateLimit"]);

        _engine["g1"] = HeldState.Finished;
        Assert.True((await admission.AdmitAsync(caller, 16, null, Claim("g2"))).Admitted);
    }

    [Fact]
    public async Task Callers_do_not_share_a_cap_and_a_retried_schedule_of_a_held_generation_is_admitted()
    {
        var admission = Control(inFlight: 320, out _);

        Assert.True((await admission.AdmitAsync(AdmissionCaller.Anonymous("198.51.100.7"), 320, null, Claim("g1"))).Admitted);
        Assert.True((await admission.AdmitAsync(AdmissionCaller.Anonymous("198.51.100.7"), 320, null, Claim("g1"))).Admitted);
        Assert.True((await admission.AdmitAsync(AdmissionCaller.Anonymous("192.0.2.1"), 16, null, Claim("g2"))).Admitted);
    }

    [Fact]
    public async Task A_hold_the_engine_does_not_know_is_kept_for_the_grace_then_dropped()
    {
        var admission = Control(inFlight: 320, out var clock);
        var caller = AdmissionCaller.Anonymous("198.51.100.7");
        Assert.True((await admission.AdmitAsync(caller, 320, null, Claim("never-scheduled"))).Admitted);
        _engine["never-scheduled"] = HeldState.Unknown;

        Assert.False((await admission.AdmitAsync(caller, 16, null, Claim("g2"))).Admitted);

        clock.Now = Start + InFlightHolds.Grace;
        Assert.True((await admission.AdmitAsync(caller, 16, null, Claim("g2"))).Admitted);
    }

    [Fact]
    public async Task A_request_refused_by_the_window_budget_lets_go_of_its_hold()
    {
        var clock = new MovableClock(Start);
        var admission = new AdmissionControl(new AdmissionSettings { ClientBudget = 32, ClientInFlight = 320, GlobalBudget = 0 }, new InMemoryAdmissionLedger(), clock);
        var caller = AdmissionCaller.Anonymous("198.51.100.7");

        Assert.Equal("urn:sithsynth:problem:rate-limited", (await admission.AdmitAsync(caller, 40, null, Claim("too-big-for-the-window"))).Refusal!.Type);

        // Had the hold stayed, 300 more would pass the cap of 320.
        Assert.True((await admission.AdmitAsync(caller, 300, null, Claim("g2"))).Refusal?.Type != "urn:sithsynth:problem:too-many-in-flight");
    }

    [Fact]
    public async Task A_key_holder_gets_the_key_cap()
    {
        var admission = new AdmissionControl(new AdmissionSettings { ClientInFlight = 320, KeyInFlight = 640 }, new InMemoryAdmissionLedger(), new MovableClock(Start));

        Assert.True((await admission.AdmitAsync(AdmissionCaller.Key("k1"), 320, null, Claim("g1"))).Admitted);
        Assert.True((await admission.AdmitAsync(AdmissionCaller.Key("k1"), 320, null, Claim("g2"))).Admitted);
        Assert.False((await admission.AdmitAsync(AdmissionCaller.Key("k1"), 8, null, Claim("g3"))).Admitted);
    }

    private InFlightClaim Claim(string id)
    {
        _engine.TryAdd(id, HeldState.Running);
        return new InFlightClaim(id, (held, _) => Task.FromResult(_engine[held]));
    }

    private static AdmissionControl Control(int inFlight, out MovableClock clock)
    {
        clock = new MovableClock(Start);
        return new AdmissionControl(new AdmissionSettings { ClientBudget = 100_000, ClientInFlight = inFlight, GlobalBudget = 0 }, new InMemoryAdmissionLedger(), clock);
    }
}
