namespace SithSynth.Domain.Music;

public enum KeyMode
{
    Major,
    Minor,
}
