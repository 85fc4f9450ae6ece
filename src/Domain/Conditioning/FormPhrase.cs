namespace SithSynth.Domain.Conditioning;

/// <summary>One phrase of a song form: its letter and how many primes follow it (A, A′, A″).</summary>
public sealed record FormPhrase(char Letter, int Primes)
{
    public override string ToString() => Letter + new string('′', Primes);
}
