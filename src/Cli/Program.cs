using System.CommandLine;
using SithSynth.Cli;
using SithSynth.Cli.Commands;

var root = new RootCommand("Sith Synth: neural lead sheets (melody and chord symbols) as MIDI and MusicXML.")
{
    GenerateCommand.Create(),
    CheckModelCommand.Create(),
    CorpusCommand.Create(),
    BenchCommand.Create(),
    ServeCommand.Create(),
    BenchApiCommand.Create(),
    EvalCommand.Create(),
    ApiKeyCommand.Create(),
};

return CommandLine.Run(root, args);
