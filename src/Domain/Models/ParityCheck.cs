using System.Text.Json;

namespace SithSynth.Domain.Models;

/// <summary>
/// Outcome of running a model's parity fixture through ONNX Runtime. Each logit may differ by the fixture's
/// absolute tolerance plus <see cref="RelativeTolerance"/> of its size: fixtures round to six significant digits,
/// which alone moves a logit of 15 by 5e-5.
/// </summary>
public sealed record ParityResult(int Steps, double MaxAbsoluteDifference, double Tolerance, bool Passed)
{
    public const double RelativeTolerance = 1e-5;
}

/// <summary>
/// Replays a model's parity fixture (parity.json) through the ONNX files with the service's own runner and reports
/// the largest difference from the training framework's logits. A model that fails this was exported wrongly.
/// </summary>
public static class ParityCheck
{
    public const string FileName = "parity.json";

    public static ParityResult Run(ModelCard card)
    {
        var path = Path.Combine(card.Directory, FileName);
        if (!File.Exists(path))
        {
            throw new ModelCardException(card.Directory, [$"there is no {FileName} to check against"]);
        }

        var fixture = JsonSerializer.Deserialize<ParityFixture>(File.ReadAllBytes(path), ModelCard.Json)
            ?? throw new ModelCardException(card.Directory, [$"{FileName} is empty"]);
        using var model = new OnnxNextTokenModel(card);
        var conditions = fixture.Conditions.SelectMany(bar => bar).ToArray();
        using var session = model.Start(conditions, fixture.Conditions.Count);
        var worst = 0.0;
        var passed = true;
        for (var step = 0; step < fixture.Tokens.Count; step++)
        {
            var logits = session.Advance(fixture.Tokens[step], fixture.Bars[step], fixture.Onsets[step]);
            var expected = fixture.Logits[step];
            for (var i = 0; i < expected.Count; i++)
            {
                var difference = Math.Abs(logits[i] - expected[i]);
                worst = Math.Max(worst, difference);
                passed &= difference <= fixture.Tolerance + (ParityResult.RelativeTolerance * Math.Abs(expected[i]));
            }
        }

        return new ParityResult(fixture.Tokens.Count, worst, fixture.Tolerance, passed);
    }
}
