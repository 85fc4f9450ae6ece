using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SithSynth.Cli.Tests.Serving;

/// <summary>
/// <c>sithsynth serve</c> as a separate process on a free loopback port, as a person starts it from a shell; ready once
/// its health route answers. Disposing stops it.
/// </summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServeProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    /// <summary>Everything serve wrote so far, for failure messages and log checks.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static Task<ServeProcess> StartAsync(params string[] args) => StartAsync(new Dictionary<string, string>(), args);

    /// <summary>serve with <paramref name="environment"/> added to this process's environment.</summary>
    public static async Task<ServeProcess> StartAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var start = Sithsynth.StartInfo(new[] { "serve", "--urls", address.AbsoluteUri.TrimEnd('/') }.Concat(args));
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var serve = new ServeProcess(Process.Start(start)!, address);
        serve._process.OutputDataReceived += (_, line) => serve.Append(line.Data);
        serve._process.ErrorDataReceived += (_, line) => serve.Append(line.Data);
        serve._process.BeginOutputReadLine();
        serve._process.BeginErrorReadLine();
        await serve.WaitUntilReadyAsync();
        return serve;
    }

    /// <summary>The command line every user of the machine sees for this process (ps reads the same file).</summary>
    public string VisibleCommandLine => File.ReadAllText($"/proc/{_process.Id}/cmdline").Replace('\0', ' ');

    /// <summary>The engine sidecar's loopback port, as serve's start-up line names it.</summary>
    public int SidecarPort => int.Parse(
        System.Text.RegularExpressions.Regex.Match(Output, @"sidecar 127\.0\.0\.1:(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        Http.Dispose();
    }

    /// <summary>
    /// Sends <paramref name="signal"/> (TERM as a service manager sends it, INT as Ctrl+C does) and waits for the exit:
    /// how long it took, and the exit code. Gives up after <paramref name="patience"/>, killing the process.
    /// </summary>
    public async Task<(TimeSpan Elapsed, int ExitCode)> SignalAsync(string signal, TimeSpan patience)
    {
        var sent = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(patience);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"serve was still running {patience} after SIG{signal}: {Output}");
        }

        return (sent.Elapsed, _process.ExitCode);
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"serve exited with {_process.ExitCode}: {Output}");
            }

            try
            {
                using var health = await Http.GetAsync("api/health");
                if (health.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"serve did not answer /api/health within {StartTimeout}: {Output}");
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
