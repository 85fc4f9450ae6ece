using SithSynth.Domain.Requests;
using SithSynth.Pipeline.Admission;

namespace SithSynth.Pipeline.Tests.Admission;

/// <summary>Budgets in bar-variations per fixed window: per caller first (429), then everyone's (503).</summary>
public sealed class AdmissionControlTests
{
    // 10:00:20 — 40 s before the minute's window ends.
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 10, 0, 20, TimeSpan.Zero);

    [Fact]
    public void A_request_costs_its_bars_times_its_variations_with_the_defaults_filled_in()
    {
        Assert.Equal(16, AdmissionControl.CostOf(new GenerationRequest()));
        Assert.Equal(320, AdmissionControl.CostOf(new GenerationRequest { Bars = 40, Variations = 8 }));
        Assert.Equal(24, AdmissionControl.CostOf(new GenerationRequest { Bars = 8, Variations = 3 }));
    }

    [Fact]
    public async Task Within_its_budget_a_caller_is_admitted_and_told_what_is_left_and_when_the_window_ends()
    {
        var admission = Control(client: 64, global: 0, out _);

        var decision = await admission.AdmitAsync(AdmissionCaller.Anonymous("192.0.2.1"), 16, "/api/generations");

        Assert.True(decision.Admitted);
        Assert.Equal("\"client\";q=64;w=60", decision.Headers["RateLimit-Policy"]);
        Assert.Equal("\"client\";r=48;t=40", decision.Headers["RateLimit"]);
        Assert.False(decision.Headers.ContainsKey("Retry-After"));
    }

    [Fact]
    public async Task Past_its_budget_a_caller_gets_429_until_the_window_ends_then_is_admitted_again()
    {
        var admission = Control(client: 48, global: 0, out var clock);
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await admission.AdmitAsync(AdmissionCaller.Anonymous("192.0.2.1"), 16, null)).Admitted);
        }

        var refused = await admission.AdmitAsync(AdmissionCaller.Anonymous("192.0.2.1"), 16, "/api/generations");

        Assert.False(refused.Admitted);
        Assert.Equal(429, refused.Refusal!.Status);
        Assert.Equal("urn:sithsynth:problem:rate-limited", refused.Refusal.Type);
        Assert.Equal("40", refused.Headers["Retry-After"]);
        Assert.Equal("\"client\";r=0;t=40", refused.Headers["RateLimit"]);
        Assert.Contains("48 bar-variations", refused.Refusal.Detail, StringComparison.Ordinal);

        clock.Now = Start.AddSeconds(40);
        Assert.True((await admission.AdmitAsync(AdmissionCaller.Anonymous("192.0.2.1"), 16, null)).Admitted);
    }

    [Fact]
    public async Task One_callers_flood_spends_nothing_of_the_others_budget_or_of_everyones()
    {
        var admission = Control(client: 32, global: 64, out _);
        for (var i = 0; i < 50; i++)
        {
            await admission.AdmitAsync(AdmissionCaller.Anonymous("198.51.100.7"), 16, null);
        }

        Assert.True((await admission.AdmitAsync(AdmissionCaller.Anonymous("192.0.2.1"), 16, null)).Admitted);
        Assert.True((await admission.AdmitAsync(AdmissionCaller.Anonymous("192.0.2.1"), 16, null)).Admitted);
    }

    [Fact]
    public async Task When_everyone_together_has_spent_the_window_the_service_answers_503_saturated()
    {
        var admission = Control(client: 32, global: 48, out _);
        foreach (var caller in new[] { "192.0.2.1", "192.0.2.2", "192.0.2.3" })
        {
            Assert.True((await admission.AdmitAsync(AdmissionCaller.Anonymous(caller), 16, null)).Admitted);
        }

        var refused = await admission.AdmitAsync(AdmissionCaller.Anonymous("192.0.2.4"), 16, null);

        Assert.Equal(503, refused.Refusal!.Status);
        Assert.Equal("urn:sithsynth:problem:service-saturated", refused.Refusal.Type);
        Assert.Equal("\"global\";q=48;w=60", refused.Headers["RateLimit-Policy"]);
        Assert.Equal("40", refused.Headers["Retry-After"]);
    }

    [Fact]
    public async Task A_request_larger_than_the_whole_budget_is_told_so_rather_than_to_wait()
    {
        var admission = Control(client: 100, global: 0, out _);

        var refused = await admission.AdmitAsync(AdmissionCaller.Anonymous("192.0.2.1"), 320, null);

        Assert.Contains("more than this caller's whole budget", refused.Refusal!.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Budgets_of_zero_admit_everything_and_send_no_rate_limit_headers()
    {
        var admission = Control(client: 0, global: 0, out _);

        for (var i = 0; i < 100; i++)
        {
            var decision = await admission.AdmitAsync(AdmissionCaller.Anonymous("192.0.2.1"), 320, null);
            Assert.True(decision.Admitted);
            Assert.Empty(decision.Headers);
        }
    }

    [Theory]
    [InlineData(-1, 0, 60)]
    [InlineData(0, -5, 60)]
    [InlineData(10, 10, 0)]
    public void Settings_that_cannot_work_are_named(int client, int global, int windowSeconds)
    {
        var settings = new AdmissionSettings { ClientBudget = client, GlobalBudget = global, Window = TimeSpan.FromSeconds(windowSeconds) };

        Assert.NotEmpty(settings.Problems());
    }

    private static AdmissionControl Control(int client, int global, out MovableClock clock)
    {
        clock = new MovableClock(Start);
        return new AdmissionControl(new AdmissionSettings { ClientBudget = client, GlobalBudget = global }, new InMemoryAdmissionLedger(), clock);
    }
}
