using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using SithSynth.Functions;

FunctionsApplication.CreateBuilder(args).ConfigureSithSynth().Build().Run();
