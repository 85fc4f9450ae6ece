using System.CommandLine;
using SithSynth.Cli.Commands;

return new RootCommand { CorpusCommand.Create() }.Parse(args).Invoke();
